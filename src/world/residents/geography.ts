/** Where things are in the residents' world: places by id and kind, opening hours, and the roads. */
import type { Rng } from '../rng.ts';
import type { TownId } from '../types.ts';
import type { World } from '../world.ts';
import type { LocationDef, LocationKind, ResidentsConfig, RouteDef } from './types.ts';

export interface Way {
  hours: number;
  /** How the first leg is travelled. */
  by: string;
}

export class Geography {
  private readonly locations = new Map<string, LocationDef>();
  /** Per town, the first public place of each kind (its tavern, its square…). */
  private readonly public = new Map<string, Map<string, LocationDef>>();
  private readonly ways = new Map<string, Way | null>();

  constructor(
    private readonly config: Pick<ResidentsConfig, 'locations' | 'routes'>,
    private readonly world: World,
  ) {
    for (const l of config.locations) {
      this.locations.set(l.id, l);
      const mine = this.public.get(l.town) ?? new Map<string, LocationDef>();
      this.public.set(l.town, mine);
      if (l.kind !== 'home' && !mine.has(l.kind)) mine.set(l.kind, l);
    }
  }

  location(id: string): LocationDef | undefined {
    return this.locations.get(id);
  }

  has(id: string): boolean {
    return this.locations.has(id);
  }

  /** A town's public place of a kind: its tavern, its market, its square. */
  placeIn(town: string, kind: LocationKind): LocationDef | undefined {
    return this.public.get(town)?.get(kind);
  }

  nameOf(location: string): string {
    return this.locations.get(location)?.name ?? 'the road';
  }

  /** The towns whose people lay a siege when a scenario does not say whose: those that raid. */
  get raiders(): readonly TownId[] {
    return this.world.raiders;
  }

  townName(town: string): string {
    return this.world.has(town) ? this.world.rules(town).name : town;
  }

  isOpen(l: LocationDef, hour: number): boolean {
    const [from, to] = l.open;
    return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
  }

  /** A town one road away, at random. */
  neighbourOf(town: string, rng: Rng): TownId | undefined {
    const near = this.config.routes.flatMap((r) =>
      r.from === town ? [r.to] : r.to === town ? [r.from] : [],
    );
    return near.length > 0 ? rng.pick(near) : undefined;
  }

  /** The quickest way between two towns over the people's roads, or null where none goes. */
  route(from: string, to: string): Way | null {
    const key = `${from}\u0000${to}`;
    let way = this.ways.get(key);
    if (way === undefined) {
      way = from === to ? null : this.search(from, to);
      this.ways.set(key, way);
    }
    return way;
  }

  private search(from: string, to: string): Way | null {
    // A handful of towns: relax every road until nothing improves.
    const best = new Map<string, Way>([[from, { hours: 0, by: '' }]]);
    const queue = [from];
    while (queue.length > 0) {
      const here = queue.shift() as string;
      const sofar = best.get(here) as Way;
      for (const r of this.config.routes as RouteDef[]) {
        const next = r.from === here ? r.to : r.to === here ? r.from : undefined;
        if (!next) continue;
        const hours = sofar.hours + r.hours;
        if (hours < (best.get(next)?.hours ?? Number.POSITIVE_INFINITY)) {
          best.set(next, { hours, by: sofar.by || r.by });
          queue.push(next);
        }
      }
    }
    return best.get(to) ?? null;
  }
}
