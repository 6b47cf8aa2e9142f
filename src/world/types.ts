/** The shapes the world core produces: events, updates, and what one town hears of another. */

export type TownId = string & { readonly __brand: 'TownId' };

export type EventData = Record<string, number | string>;

export interface TownEvent {
  kind: string;
  /** The named person who did it, where there is one. */
  actor?: string;
  text: string;
  data: EventData;
}

/** What a town sends every ~30 s (the contract in DESIGN.md). */
export interface Update {
  /** Unique id of this update: the idempotency key at the aggregator. */
  id: string;
  town: TownId;
  seq: number;
  ts: string;
  day: number;
  hour: number;
  events: TownEvent[];
}

/** Another town's event as it reaches a town's inbox, with the world time it happened. */
export interface Dispatch {
  town: TownId;
  t: number;
  event: TownEvent;
}

/** Goods on their way to a town, from the moment it heard they were sent. */
export interface Shipment {
  id: string;
  from: string;
  goods: string;
  crates: number;
  arrives: number;
  /** Gold a crate was sold for, where it was not the good's usual price (an order in a shortage). */
  price?: number;
}
