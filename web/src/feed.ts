/**
 * The feed: every event, newest first, filterable by town and kind. Virtualised: only the rows in
 * view exist in the page, so a history of any length scrolls smoothly.
 */
import { formatHour } from '../../src/world/clock.ts';
import type { StoredEvent } from './api.ts';
import { el, NEUTRAL_COLOUR } from './dom.ts';
import { personButton } from './person.ts';

const ROW_HEIGHT = 52;
const OVERSCAN = 8;

export class Feed {
  private all: StoredEvent[] = [];
  private shown: StoredEvent[] = [];
  private readonly spacer = el('div', { class: 'spacer' });
  private readonly rows = el('div', { class: 'rows' });
  private town = '';
  private kind = '';
  private readonly kinds = new Set<string>();
  private highlighted: number | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly kindSelect: HTMLSelectElement,
    private readonly count: HTMLElement,
    private readonly names: Record<string, string>,
    /** Each town's colour, already checked (dom.ts coloursOf). */
    private readonly colours: ReadonlyMap<string, string>,
    /** Whether an event's actor is a resident, whose name then opens their page. */
    private readonly isResident: (actor: string | null) => boolean = () => false,
  ) {
    root.append(this.spacer, this.rows);
    root.addEventListener('scroll', () => this.render(), { passive: true });
    new ResizeObserver(() => this.render()).observe(root);
  }

  /** Replace everything shown (a day of history, or the recent past when going live). */
  set(events: readonly StoredEvent[]): void {
    this.all = [...events].reverse();
    for (const e of events) this.noteKind(e.kind);
    this.refilter();
  }

  /** New events arrive on top. */
  add(events: readonly StoredEvent[]): void {
    for (const e of events) this.noteKind(e.kind);
    this.all = [...[...events].reverse(), ...this.all].slice(0, 200_000);
    this.refilter();
  }

  filter(town: string, kind: string): void {
    this.town = town;
    this.kind = kind;
    this.refilter();
  }

  /** Events it holds with an id above this one, oldest first: what arrived while a page loaded. */
  newerThan(id: number): StoredEvent[] {
    return this.all.filter((e) => e.id > id).reverse();
  }

  /** Back to the newest, nothing marked: where live news arrives. */
  toTop(): void {
    this.highlighted = null;
    this.root.scrollTop = 0;
    this.render();
  }

  /** Scroll to an event and mark it. */
  highlight(id: number): void {
    this.highlighted = id;
    const index = this.shown.findIndex((e) => e.id === id);
    if (index >= 0) this.root.scrollTop = Math.max(0, index * ROW_HEIGHT - this.root.clientHeight / 2);
    this.render();
  }

  private noteKind(kind: string): void {
    if (this.kinds.has(kind)) return;
    this.kinds.add(kind);
    const options = [...this.kinds].sort();
    const current = this.kindSelect.value;
    this.kindSelect.replaceChildren(
      el('option', { value: '' }, 'all'),
      ...options.map((k) => el('option', { value: k }, k)),
    );
    this.kindSelect.value = current;
  }

  private refilter(): void {
    this.shown = this.all.filter(
      (e) => (!this.town || e.town === this.town) && (!this.kind || e.kind === this.kind),
    );
    this.spacer.style.height = `${this.shown.length * ROW_HEIGHT}px`;
    this.count.textContent = `${this.shown.length.toLocaleString('en-US')} events`;
    this.render();
  }

  private render(): void {
    const first = Math.max(0, Math.floor(this.root.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(
      this.shown.length,
      Math.ceil((this.root.scrollTop + this.root.clientHeight) / ROW_HEIGHT) + OVERSCAN,
    );
    const rows = this.shown.slice(first, last).map((e, i) => this.row(e, first + i));
    this.rows.replaceChildren(...rows);
  }

  private row(e: StoredEvent, index: number): HTMLElement {
    const row = el(
      'div',
      {
        class: `row${e.id === this.highlighted ? ' highlighted' : ''}`,

        'data-id': String(e.id),
        'data-town': e.town,
      },
      el('span', { class: 'when' }, `day ${e.day} ${formatHour(e.hour)}`),
      el('span', { class: 'town' }, this.names[e.town] ?? e.town),
      e.actor && this.isResident(e.actor)
        ? el('span', { class: 'actor' }, personButton(e.actor))
        : el('span', { class: 'actor' }),
      el('span', { class: 'kind' }, e.kind),
      el('span', { class: 'text', title: e.text }, e.text),
    );
    row.style.top = `${index * ROW_HEIGHT}px`;
    row.style.borderLeftColor = this.colours.get(e.town) ?? NEUTRAL_COLOUR;
    return row;
  }
}
