/**
 * The world as data: its towns, where each lies on the map, the routes that join them and the goods
 * they trade. Which towns exist is decided by the list handed to `new World` (towns/index.ts lists
 * the built-in ones; `--towns-dir` adds more); nothing else names them.
 */
import { gistOf } from './gist.ts';
import type { Goods, GoodsDef } from './goods.ts';
import type { Grammar } from './grammar.ts';
import { COMMON_KINDS, ORDER_KIND, RAID_KIND } from './kinds.ts';
import { MEMORY_WORDS } from './memory.ts';
import type { AnyTownRules, EventKindDef, RouteDef } from './town.ts';
import type { TownEvent, TownId } from './types.ts';
import { COMMON_WORDS } from './words.ts';
import { worldProblems } from './world-check.ts';

export interface Route {
  days: number;
  /** The way the goods leave the sending town. */
  by: string;
}

/** A leg of a route as one of its towns sees it: to the other end. */
interface Leg {
  to: string;
  days: number;
  by: string;
}

/** Towns that do not fit together; `problems` name the town and the field of each. */
export class WorldError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the towns do not fit together:\n  ${problems.join('\n  ')}`);
  }
}

export class World {
  readonly towns: readonly AnyTownRules[];
  /** Every good any town makes, in the order the towns declare them. */
  readonly goods: ReadonlyMap<Goods, GoodsDef>;
  /** Every kind of event the world holds: the common ones, then each town's own. */
  readonly kinds: readonly EventKindDef[];
  /** The same kinds by name. */
  readonly kindsByName: ReadonlyMap<string, EventKindDef>;
  /** The towns that go raiding: those that emit raids. */
  readonly raiders: readonly TownId[];
  /**
   * The fields whose values are few (towns and goods, not shipment ids): what the store adds up
   * events by, beside the actor, so "who" and "which goods" need no pass over the history.
   */
  readonly facetKeys: readonly string[];
  /** Every grammar the towns tell their work in: the common ones, then each town's own. */
  readonly grammars: readonly Grammar[];
  private gistCache: ((text: string) => string) | undefined;
  private readonly byId = new Map<string, AnyTownRules>();
  private readonly legs = new Map<string, Leg[]>();
  private readonly staff = new Map<string, Record<string, string[]>>();
  private readonly routeCache = new Map<string, Map<string, Route | null>>();

  constructor(towns: readonly AnyTownRules[]) {
    const problems = worldProblems(towns);
    if (problems.length > 0) throw new WorldError(problems);
    this.towns = towns;
    const goods = new Map<Goods, GoodsDef>();
    for (const town of towns) {
      if (this.byId.has(town.id)) throw new Error(`town ${town.id} is listed twice`);
      this.byId.set(town.id, town);
      this.legs.set(town.id, []);
      for (const [name, def] of Object.entries(town.goods ?? {})) {
        if (goods.has(name))
          throw new Error(`${town.id}: the good "${name}" is declared by another town too`);
        goods.set(name, def);
      }
      // The rules ask for a worker by role: the town's people of that role, in the order declared.
      const roles: Record<string, string[]> = {};
      for (const person of town.people) {
        for (const role of person.roles) roles[role] = [...(roles[role] ?? []), person.name];
      }
      this.staff.set(town.id, roles);
    }
    this.goods = goods;
    this.kinds = [...COMMON_KINDS, ...towns.flatMap((t) => t.kinds)];
    this.kindsByName = new Map(this.kinds.map((k) => [k.kind, k]));
    this.grammars = [COMMON_WORDS, MEMORY_WORDS, ...towns.flatMap((t) => (t.words ? [t.words] : []))];
    this.facetKeys = [
      ...new Set(
        this.kinds.flatMap((k) =>
          Object.entries(k.fields ?? {})
            .filter(([, type]) => type === 'town' || type === 'goods')
            .map(([key]) => key),
        ),
      ),
    ].sort();
    this.raiders = towns.filter((t) => t.kinds.some((k) => k.kind === RAID_KIND)).map((t) => t.id as TownId);
    for (const town of towns) {
      for (const leg of town.routes ?? []) {
        if (!this.byId.has(leg.to)) throw new Error(`route from ${town.id} to unknown town ${leg.to}`);
        if (!leg.cargo) continue;
        this.legs.get(town.id)?.push({ to: leg.to, ...leg.cargo });
        this.legs.get(leg.to)?.push({ to: town.id, ...leg.cargo });
      }
    }
  }

  /** A told sentence with the grammars' fillers put back to one option each (gist.ts). */
  gist(text: string): string {
    this.gistCache ??= gistOf(this.grammars);
    return this.gistCache(text);
  }

  get ids(): TownId[] {
    return this.towns.map((t) => t.id as TownId);
  }

  has(id: string): id is TownId {
    return this.byId.has(id);
  }

  rules(id: string): AnyTownRules {
    const town = this.byId.get(id);
    if (!town) throw new Error(`unknown town "${id}"; known towns: ${this.ids.join(', ')}`);
    return town;
  }

  /** The town's named workers by role. */
  workers(id: string): Readonly<Record<string, readonly string[]>> {
    return this.staff.get(id) ?? {};
  }

  /** Every route leg once, as its declaring town lists it. */
  get routes(): { from: string; leg: RouteDef }[] {
    return this.towns.flatMap((t) => (t.routes ?? []).map((leg) => ({ from: t.id, leg })));
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

  /** The towns that send this town a good, by their standing orders. */
  suppliersOf(id: string, goods: Goods): readonly string[] {
    return this.towns.filter((t) => t.exports.some((e) => e.to === id && e.goods === goods)).map((t) => t.id);
  }

  /** Whether another town's event is this town's business: addressed to it, aimed at it, ordered from it, or watched. */
  concerns(id: string, event: TownEvent): boolean {
    return (
      event.data.to === id ||
      (event.kind === ORDER_KIND && event.data.from === id) ||
      event.data.target === id ||
      (this.byId.get(id)?.watches?.includes(event.kind) ?? false)
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
