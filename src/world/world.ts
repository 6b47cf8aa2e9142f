/**
 * The world as data: where each town lies on the map and which routes join them. Which towns exist
 * is decided by the list handed to `new World` (see map.ts); nothing else names them.
 */
import type { AnyTownRules } from './town.ts';
import type { TownEvent, TownId } from './types.ts';

export interface RouteLeg {
  to: string;
  /** Travel time in world days. */
  days: number;
  /** How goods travel this leg ("river barge", "mountain road"). */
  by: string;
}

export interface Place {
  rules: AnyTownRules;
  /** Position on the drawn map, in map units (x east, y north). */
  position: readonly [x: number, y: number];
  /** Routes to neighbouring towns; each leg is listed once and runs both ways. */
  routes?: readonly RouteLeg[];
}

export interface Route {
  days: number;
  /** The way the goods leave the sending town. */
  by: string;
}

export class World {
  readonly places: readonly Place[];
  private readonly byId = new Map<string, Place>();
  private readonly legs = new Map<string, RouteLeg[]>();
  private readonly routeCache = new Map<string, Map<string, Route | null>>();

  constructor(places: readonly Place[]) {
    this.places = places;
    for (const place of places) {
      if (this.byId.has(place.rules.id)) throw new Error(`town ${place.rules.id} is listed twice`);
      this.byId.set(place.rules.id, place);
      this.legs.set(place.rules.id, []);
    }
    for (const place of places) {
      for (const leg of place.routes ?? []) {
        if (!this.byId.has(leg.to)) throw new Error(`route from ${place.rules.id} to unknown town ${leg.to}`);
        this.legs.get(place.rules.id)?.push(leg);
        this.legs.get(leg.to)?.push({ ...leg, to: place.rules.id });
      }
    }
  }

  get ids(): TownId[] {
    return this.places.map((p) => p.rules.id as TownId);
  }

  has(id: string): id is TownId {
    return this.byId.has(id);
  }

  place(id: string): Place {
    const place = this.byId.get(id);
    if (!place) throw new Error(`unknown town "${id}"; known towns: ${this.ids.join(', ')}`);
    return place;
  }

  rules(id: string): AnyTownRules {
    return this.place(id).rules;
  }

  /** The quickest way from one town to another along the routes, or null if none joins them. */
  route(from: string, to: string): Route | null {
    let fromHere = this.routeCache.get(from);
    if (!fromHere) {
      fromHere = new Map();
      this.routeCache.set(from, fromHere);
    }
    const cached = fromHere.get(to);
    if (cached !== undefined) return cached;
    const found = this.shortest(from, to);
    fromHere.set(to, found);
    return found;
  }

  /** Whether another town's event is this town's business: addressed to it, aimed at it, or watched. */
  concerns(id: string, event: TownEvent): boolean {
    return (
      event.data.to === id ||
      event.data.target === id ||
      (this.byId.get(id)?.rules.watches?.includes(event.kind) ?? false)
    );
  }

  private shortest(from: string, to: string): Route | null {
    if (from === to || !this.byId.has(from) || !this.byId.has(to)) return null;
    // Dijkstra over a handful of towns: a linear scan for the nearest is plenty.
    const best = new Map<string, Route>([[from, { days: 0, by: '' }]]);
    const done = new Set<string>();
    for (;;) {
      let next: string | undefined;
      for (const [id, r] of best) {
        if (!done.has(id) && (next === undefined || r.days < (best.get(next)?.days ?? Infinity))) next = id;
      }
      if (next === undefined) return null;
      const here = best.get(next) as Route;
      if (next === to) return here;
      done.add(next);
      for (const leg of this.legs.get(next) ?? []) {
        const days = here.days + leg.days;
        if (days < (best.get(leg.to)?.days ?? Infinity)) best.set(leg.to, { days, by: here.by || leg.by });
      }
    }
  }
}
