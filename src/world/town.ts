/**
 * What a town is: everything Chronicle knows about it, declared once in its folder under towns/.
 * Data (its names, place, routes, climate, people, the numbers and happenings its events carry)
 * plus rules (what its businesses do in one update). The core step in step.ts runs the rules; the
 * agent, the API, the viewer and the residents derive what they need from the data.
 */
import type { Goods, GoodsDef, Stock } from './goods.ts';
import type { Grammar, Values } from './grammar.ts';
import type { Memory } from './memory.ts';
import type { LocationKind, ResidentDef } from './residents/types.ts';
import type { Rng } from './rng.ts';
import type { Dispatch, EventData, Shipment, TownEvent, TownId } from './types.ts';
import type { Climate, Weather } from './weather.ts';
import type { Route } from './world.ts';

/** Stock, gold and goods in transit: the state every town has, plus its own `local` state. */
export interface TownState<Local = unknown> {
  /** Sequence number of the last update (0 before the first). */
  seq: number;
  /** World time of the last update. */
  t: number;
  gold: number;
  stock: Stock;
  incoming: Shipment[];
  /** The day's storm forecast, worked out once a day. */
  forecast: { day: number; storm: boolean };
  /** Orders other towns have sent us, oldest first, not yet shipped. */
  orders?: Order[];
  /** When we last ordered each good we are short of (world time). */
  ordered?: Record<string, number>;
  /** What each business brought in lately, so a day can be set against the past (memory.ts). */
  memory?: Memory;
  local: Local;
}

/** A town's order for a good it is short of: ship it `to` them at `price` gold a crate. */
export interface Order {
  to: string;
  goods: Goods;
  /** How much they want, in the good's unit. */
  quantity: number;
  price: number;
}

/** A standing order: send this good to that town whenever stock exceeds what we keep. */
export interface Export {
  to: string;
  goods: Goods;
  keep: number;
}

/** Everything a town's rules may read and do during one update. */
export interface Turn<Local = unknown> {
  readonly seed: string;
  readonly town: TownId;
  /** World time of this update, and its day and hour. */
  readonly t: number;
  readonly day: number;
  readonly hour: number;
  readonly weather: Weather;
  /** A storm blows here at some time today. */
  readonly stormToday: boolean;
  readonly rng: Rng;
  /** The state after this update, already a private copy: rules change it in place. */
  readonly state: TownState<Local>;
  emit(kind: string, text: string, data: EventData, actor?: string): void;
  /** A sentence of the town's grammar (its `words`) from the rule `start`, drawn by the turn's own Rng. */
  say(start: string, values: Values): string;
  /** A named worker of the given role, chosen for this job. */
  worker(role: string): string;
  /** Take goods out of stock (never below zero) and return how much was taken. */
  take(goods: Goods, amount: number): number;
  add(goods: Goods, amount: number): void;
  have(goods: Goods): number;
  /** Whether the hour falls in [from, to), wrapping past midnight when from > to. */
  during(from: number, to: number): boolean;
  /** The quickest route between two towns, or null where none joins them. */
  route(from: string, to: string): Route | null;
  /** A town's name as people say it, from its id. */
  nameOf(town: string): string;
  /** Whether the world knows this good (a word heard from another town may be anything). */
  isGoods(name: unknown): name is Goods;
  /** What a good is: its unit, how much fills a crate, its price. */
  goods(name: Goods): GoodsDef;
  /** "3 crates of grain (150 lbs)". */
  cargo(goods: Goods, crates: number): string;
}

/** How a question asks about a number: "how much" is a sum for output, a mean for a reading. */
export type Aggregate = 'sum' | 'mean' | 'min' | 'max' | 'count';

/** A number events carry: a job's output (ore mined) or a sensor's reading (a river's level). */
export interface MetricDef {
  /** Its key in the events' `data`. */
  key: string;
  /** What it counts, as an answer says it: "ore mined". */
  label: string;
  unit: string;
  /** Decimals the events carry, so sums are exact at this precision. */
  decimals: number;
  /** The least and most one event can carry. */
  range: readonly [min: number, max: number];
  /** The words people use for it in a question; the first metric whose words match is meant. */
  words: RegExp;
  /** How a plain sentence states it, the number captured: /(\d+) tons of ore/i reads "mined 2 tons of ore". */
  stated?: RegExp;
  /** 'output' adds up over a day (ore mined); 'reading' is read and averaged (temperature). */
  measure: 'output' | 'reading';
  /** What "how much" means, where it is not the sum of an output or the mean of a reading. */
  natural?: Aggregate;
  /** The viewer chart it is drawn on, and the factor that brings it to that chart's scale. */
  chart?: { group: 'production' | 'weather'; scale?: number };
  /** The town's main product: what "a big day" is measured by, and what its chart line shows. */
  main?: boolean;
}

/** Something an event marks with `data[key] = 1`: a flooded mine, a storm, a surplus. A question may ask about it. */
export interface FlagDef {
  key: string;
  /** How an answer says it happened: "the mine flooded". */
  phrase: string;
  /** The words of a question that ask about it. */
  words: RegExp;
  /** The whole town hears of it and talks about it. */
  news?: boolean;
  /** The business rested by choice (its stores are full): it could have worked, so it is not idle. */
  rest?: boolean;
}

/**
 * Something a question asks about ("Did the pirates raid?"): an event of the kind, or, with a
 * metric, one whose number is at least `min` (a raid that brought gold).
 */
export interface HappeningDef {
  name: string;
  /** How an answer says it happened: "the pirates went on a raid". */
  phrase: string;
  words: RegExp;
  metric?: string;
  min?: number;
}

export type FieldType = 'town' | 'goods' | 'text' | 'number';

/** One kind of event: what it carries beside its text. */
export interface EventKindDef {
  kind: string;
  /** What it is, in a few words ("a fishing trip"). */
  about: string;
  /**
   * Nouns, in the singular, for one event of this kind ("reaping", "haul"), so "the richest reaping"
   * ranks single events rather than adding them up. Leave out words that are also verbs or totals
   * ("harvest", "yield").
   */
  one?: RegExp;
  metrics?: readonly MetricDef[];
  /** Other fields of its `data`: who sent what to whom (goods, from, to, target, shipment). */
  fields?: Readonly<Record<string, FieldType>>;
  flags?: readonly FlagDef[];
  happenings?: readonly HappeningDef[];
  /** Every event of this kind is news the whole town hears (a raid). */
  news?: boolean;
}

/** A way to another town; each leg is listed once, by one of its two towns, and runs both ways. */
export interface RouteDef {
  to: string;
  /** How goods travel it: world days and the way they go ("river barge"). None: no cargo goes. */
  cargo?: { days: number; by: string };
  /** How people travel it: hours and the way they go, lighter than the cargo. */
  people?: { hours: number; by: string };
}

/** A place the town's residents use. Its id in the world is `<town>/<slug>`. */
export interface PlaceDef {
  slug: string;
  name: string;
  kind: LocationKind;
  capacity: number;
  /** Open from this hour to that one; always open without it. */
  open?: readonly [from: number, to: number];
}

/** A resident as the town declares them: their home is made for them, their workplace is a slug. */
export type PersonDef = Omit<ResidentDef, 'home' | 'town' | 'workplace'> & { workplace: string };

export interface TownRules<Local = unknown> {
  id: string;
  name: string;
  description: string;
  /**
   * What people call it besides its name, as one alternation ("the port|the harbou?r|ocean port").
   * Longer phrases first, so "port logic" wins over "port".
   */
  aliases: string;
  /** Its colour on the map and in the charts (#rrggbb). */
  colour: string;
  /** Position on the drawn map, in map units (x east, y north). */
  position: readonly [x: number, y: number];
  routes?: readonly RouteDef[];
  climate: Climate;
  /** Readings its sensors add to the common weather ones. */
  readings?: readonly MetricDef[];
  /** The kinds of events its jobs emit. */
  kinds: readonly EventKindDef[];
  /** The grammar its jobs tell their work in (grammar.ts): `turn.say(rule, values)`. */
  words?: Grammar;
  places: readonly PlaceDef[];
  people: readonly PersonDef[];
  /** What a resident of a role works on between updates ("mending the boat's hull"). */
  tasks?: Readonly<Record<string, readonly string[]>>;
  /** The goods it makes or brings in from overseas, which any town may then stock and trade. */
  goods?: Readonly<Record<string, GoodsDef>>;
  /** Kinds of other towns' events this town watches besides those addressed to it. */
  watches?: readonly string[];
  /** Goods this town sends along the route. */
  exports: readonly Export[];
  /** What the town eats or uses up in one update, whatever else happens. */
  upkeep: Stock;
  /** What its businesses work from and how much it likes to hold; short of it, it orders more. */
  needs?: Stock;
  initial(): { gold: number; stock: Stock; local: Local };
  /** Readings beyond the common ones (tide, river level), with a few words for the sensor text. */
  sensors?(turn: Turn<Local>): { data: EventData; text: string };
  /** React to a watched event of another town. */
  observe?(turn: Turn<Local>, dispatch: Dispatch): void;
  /** One update of work: the jobs of the town's businesses. */
  work(turn: Turn<Local>): void;
}

/** Keeps a town's rules typed by their own local state when listed with others. */
export function defineTown<Local>(rules: TownRules<Local>): TownRules<Local> {
  return rules;
}

// Each town's local state is its own business; lists of towns hold them side by side.
// biome-ignore lint/suspicious/noExplicitAny: rules of any local state
export type AnyTownRules = TownRules<any>;
export type { TownEvent };
