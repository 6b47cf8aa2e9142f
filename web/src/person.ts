/**
 * A resident's page: who they are, where they are and are going, today's agenda, those they know
 * best and worst with the talks that moved them, what they remember and reflect, and their
 * conversations. Every text in it comes from the world: set as text only.
 */

import type { ResidentTalk, ResidentTie } from '../../src/events/contracts.ts';
import { formatHour } from '../../src/world/clock.ts';
import { type ResidentPage, residentPage, type StoredEvent } from './api.ts';
import { el } from './dom.ts';

const at = (day: number, hour: number | null) => `day ${day}${hour === null ? '' : ` ${formatHour(hour)}`}`;

/** A resident's name that opens their page (any element with data-resident does, see main.ts). */
export function personButton(name: string): HTMLButtonElement {
  return el('button', { type: 'button', class: 'person', 'data-resident': name }, name);
}

export class PersonView {
  private name: string | null = null;
  /** Bumped by each opening, so a slow answer for someone else is not shown. */
  private asked = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly towns: Record<string, string>,
  ) {}

  async open(name: string): Promise<void> {
    const asked = ++this.asked;
    this.name = name;
    this.root.hidden = false;
    this.root.dataset.resident = name;
    this.root.setAttribute('aria-busy', 'true');
    try {
      const page = await residentPage(name);
      if (asked !== this.asked) return;
      this.render(page);
    } catch (error) {
      if (asked !== this.asked) return;
      this.root.replaceChildren(
        this.closeButton(),
        el('h2', {}, name),
        el('p', {}, (error as Error).message),
      );
    } finally {
      if (asked === this.asked) this.root.setAttribute('aria-busy', 'false');
    }
  }

  close(): void {
    this.asked++;
    this.name = null;
    this.root.hidden = true;
    delete this.root.dataset.resident;
  }

  /** A live event: when it moves the resident shown, their page is asked for again. */
  apply(e: StoredEvent): void {
    if (this.name && e.actor === this.name && (e.kind === 'move' || e.kind === 'travel'))
      void this.open(this.name);
  }

  private closeButton(): HTMLButtonElement {
    const button = el(
      'button',
      { type: 'button', class: 'close', 'aria-label': 'Close the resident’s page' },
      '×',
    );
    button.addEventListener('click', () => this.close());
    return button;
  }

  private town(id: string): string {
    return this.towns[id] ?? id;
  }

  private where(p: ResidentPage): string {
    const now = p.now;
    if (now.travelling)
      return `on the road from ${this.town(now.travelling.from)} to ${this.town(now.travelling.to)} by ${now.travelling.by}`;
    const place = now.location === now.home_location ? 'home' : (now.location_name ?? now.location ?? 'home');
    return `${place}, ${this.town(now.town ?? p.town)}`;
  }

  private going(p: ResidentPage): string {
    const g = p.going;
    if (!g) return 'staying where they are';
    if (!g.location) return `to ${this.town(g.town)}`;
    return `${g.activity ?? 'next'} at ${g.location.name ?? g.location.id} at ${g.hour === null ? '?' : formatHour(g.hour)}`;
  }

  private render(p: ResidentPage): void {
    const field = (key: string, label: string, value: string) =>
      el('div', { 'data-field': key }, el('dt', {}, label), el('dd', {}, value));
    const since = p.now.since ? ` (since ${at(p.now.since.day, p.now.since.hour)})` : '';
    const family = Object.entries(p.family);
    this.root.replaceChildren(
      this.closeButton(),
      el('h2', {}, p.name),
      el('p', { class: 'job' }, `${p.job}, ${this.town(p.town)}`),
      el('p', { class: 'persona' }, p.persona),
      el(
        'dl',
        {},
        field('home', 'Home', p.home.name ?? p.home.id),
        field('workplace', 'Works at', p.workplace.name ?? p.workplace.id),
        field('now', 'Now', `${this.where(p)}${since}`),
        field('going', 'Going', this.going(p)),
        ...(family.length
          ? [field('family', 'Family', family.map(([rel, who]) => `${who} (${rel})`).join(', '))]
          : []),
      ),
      ...this.agenda(p),
      ...this.ties('strongest', 'Closest to', p.relationships.strongest, 'No one close yet.'),
      ...this.ties('strained', 'At odds with', p.relationships.strained, 'At odds with no one.'),
      ...this.memories('memories', 'Memories', p.memories),
      ...this.memories('reflections', 'Reflections', p.reflections),
      el('h3', {}, 'Conversations'),
      p.conversations.length
        ? el(
            'ol',
            { class: 'talks', 'data-list': 'conversations' },
            ...p.conversations.map((c) => this.talk(c, p.name)),
          )
        : el('p', {}, 'No conversations kept yet.'),
    );
  }

  private agenda(p: ResidentPage): HTMLElement[] {
    const a = p.agenda;
    if (!a) return [el('h3', {}, 'Agenda'), el('p', {}, 'No agenda kept yet.')];
    // Consecutive slots of the same thing in the same place read as one.
    const runs = a.slots.filter(
      (s, i) =>
        i === 0 || s.activity !== a.slots[i - 1]?.activity || s.location.id !== a.slots[i - 1]?.location.id,
    );
    return [
      el('h3', {}, a.today ? `Today’s agenda (day ${a.day})` : `Agenda of day ${a.day}, the latest kept`),
      el(
        'ol',
        { class: 'agenda', 'data-list': 'agenda' },
        ...runs.map((s) =>
          el(
            'li',
            {},
            `${s.hour === null ? `tick ${s.tick}` : formatHour(s.hour)} ${s.activity} at ${s.location.name ?? s.location.id}`,
            ...(s.partner ? [', hoping to see ', personButton(s.partner)] : []),
          ),
        ),
      ),
    ];
  }

  private ties(key: string, title: string, ties: readonly ResidentTie[], none: string): HTMLElement[] {
    if (ties.length === 0) return [el('h3', {}, title), el('p', {}, none)];
    return [
      el('h3', {}, title),
      el(
        'ul',
        { class: 'ties', 'data-list': key },
        ...ties.map((t) =>
          el(
            'li',
            { 'data-tie': t.name },
            personButton(t.name),
            ` ${t.score > 0 ? '+' : ''}${t.score}`,
            ...(t.talks.length
              ? [
                  el(
                    'ul',
                    {},
                    ...t.talks.map((c) =>
                      el('li', {}, `${at(c.day, c.hour)} · ${c.summary} (${signed(c.delta)})`),
                    ),
                  ),
                ]
              : []),
          ),
        ),
      ),
    ];
  }

  private memories(key: string, title: string, list: ResidentPage['memories']): HTMLElement[] {
    return [
      el('h3', {}, title),
      list.length
        ? el(
            'ul',
            { class: 'memories', 'data-list': key },
            ...list.map((m) => el('li', {}, `${at(m.day, m.hour)} · ${m.kind} · ${m.text}`)),
          )
        : el('p', {}, `No ${title.toLowerCase()} kept yet.`),
    ];
  }

  private talk(c: ResidentTalk, self: string): HTMLElement {
    const others = c.participants.filter((x) => x !== self);
    const head = el(
      'summary',
      {},
      el('time', {}, at(c.day, c.hour)),
      ` · ${c.kind} with `,
      ...others.flatMap((o, i) => [...(i > 0 ? [', '] : []), personButton(o)]),
      ` at ${c.location.name ?? c.location.id}, ${this.town(c.town)} · ${c.topic} (${signed(c.delta)})`,
    );
    return el(
      'li',
      { 'data-talk': c.id },
      el(
        'details',
        {},
        head,
        el('p', {}, c.summary),
        ...(c.transcript.length
          ? [el('ul', { class: 'transcript' }, ...c.transcript.map((line) => el('li', {}, line)))]
          : []),
      ),
    );
  }
}

const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;
