/**
 * What a town is: data (its place, climate, workers, trade) plus rules (what its businesses do in
 * one update). The core step in step.ts runs the rules; this module only declares their shape.
 */
import type { Goods, Stock } from './goods.ts';
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
  local: Local;
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
  /** A town's name as people say it ("Port Logic"), from its id. */
  nameOf(town: string): string;
}

export interface TownRules<Local = unknown> {
  id: string;
  name: string;
  description: string;
  climate: Climate;
  /** Named workers by role. The residents of a later version take their places. */
  workers: Readonly<Record<string, readonly string[]>>;
  /** Kinds of other towns' events this town watches besides those addressed to it. */
  watches?: readonly string[];
  /** Goods this town sends along the route. */
  exports: readonly Export[];
  /** What the town eats or uses up in one update, whatever else happens. */
  upkeep: Stock;
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
