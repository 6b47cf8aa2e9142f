/** Who is where: each town's residents and the places they are at, and who is on the road. */
import type { StoredEvent, Whereabouts } from './api.ts';
import { el } from './dom.ts';
import { personButton } from './person.ts';

/** Items joined by " · ", each a node or text. */
function joined(items: (Node | string)[][]): (Node | string)[] {
  return items.flatMap((item, i) => (i > 0 ? [' · ', ...item] : item));
}

export class ResidentsPanel {
  private readonly where = new Map<string, Whereabouts>();
  private locations: Record<string, string> = {};

  constructor(
    private readonly root: HTMLElement,
    private readonly towns: Record<string, string>,
    /** Told how many residents each town holds after every change. */
    private readonly onCounts: (counts: Record<string, number>) => void,
  ) {}

  /** Whether this name is a resident's: their name then opens their page. */
  has(name: string | null): boolean {
    return name !== null && this.where.has(name);
  }

  set(residents: Whereabouts[], locations: Record<string, string>): void {
    this.locations = locations;
    this.where.clear();
    for (const r of residents) this.where.set(r.name, r);
    this.render();
  }

  /** Follow a live event; returns whether it moved someone. */
  apply(e: StoredEvent): boolean {
    const r = e.actor ? this.where.get(e.actor) : undefined;
    if (!r || (e.kind !== 'move' && e.kind !== 'travel') || (r.since && r.since.id >= e.id)) return false;
    const since = { id: e.id, day: e.day, hour: e.hour };
    if (e.kind === 'travel' && e.data.stage === 'set off') {
      const travelling = { from: String(e.data.from), to: String(e.data.to), by: String(e.data.by) };
      Object.assign(r, { town: null, location: null, location_name: null, travelling, since });
    } else {
      const location = String(e.data.location ?? e.data.to ?? '');
      Object.assign(r, {
        town: e.town,
        location,
        location_name: this.locations[location] ?? null,
        travelling: null,
        since,
      });
    }
    this.render();
    return true;
  }

  private render(): void {
    const counts: Record<string, number> = {};
    const rows: HTMLElement[] = [];
    for (const [id, name] of Object.entries(this.towns)) {
      const here = [...this.where.values()].filter((r) => r.town === id);
      counts[id] = here.length;
      rows.push(
        el(
          'li',
          { 'data-town': id },
          el('strong', {}, `${name} (${here.length})`),
          ' ',
          ...(here.length
            ? joined(
                here.map((r) => [
                  personButton(r.name),
                  ` at ${r.location === r.home_location ? 'home' : (r.location_name ?? 'home')}`,
                ]),
              )
            : ['nobody']),
        ),
      );
    }
    const road = [...this.where.values()].filter((r) => r.travelling);
    if (road.length > 0) {
      rows.push(
        el(
          'li',
          { 'data-town': 'road' },
          el('strong', {}, `On the road (${road.length})`),
          ' ',
          ...joined(
            road.map((r) => [
              personButton(r.name),
              ` → ${this.towns[r.travelling?.to ?? ''] ?? r.travelling?.to} by ${r.travelling?.by}`,
            ]),
          ),
        ),
      );
    }
    this.root.replaceChildren(...rows);
    this.onCounts(counts);
  }
}
