/**
 * What the contract tests share: how a store under test is opened fresh and removed, and the
 * updates and events they are checked with.
 */
import type { IncomingUpdate } from '../../src/events/schema.ts';
import type { StoredEvent } from '../../src/store/store.ts';
import type { TownEvent } from '../../src/world/types.ts';
import { anUpdate } from '../helpers/updates.ts';

export interface OpenedStore<S> {
  store: S;
  /** The same store opened again once `store` is closed: what it acknowledged must be there. */
  reopen?: () => Promise<S>;
  /** Removes whatever the store was kept in. */
  cleanup(): Promise<void>;
}

export type OpenStore<S> = () => Promise<OpenedStore<S>>;

/** Runs `fn` on a fresh store, and closes and removes it afterwards. */
export async function withFreshStore<S extends { close(): Promise<void> }>(
  open: OpenStore<S>,
  fn: (store: S, opened: OpenedStore<S>) => Promise<void>,
): Promise<void> {
  const opened = await open();
  try {
    await fn(opened.store, opened);
  } finally {
    await opened.store.close().catch(() => undefined); // closed already by a test of closing
    await opened.cleanup();
  }
}

/** The event an update's event becomes, without the id the store gives it. */
export const stored = (u: IncomingUpdate, e: TownEvent): Omit<StoredEvent, 'id'> => ({
  update_id: u.id,
  town: u.town,
  town_seq: u.seq,
  day: u.day,
  hour: u.hour,
  ts: u.ts,
  kind: e.kind,
  actor: e.actor ?? null,
  text: e.text,
  data: e.data,
});

export const withoutId = ({ id: _, ...rest }: StoredEvent) => rest;
/** Names in code-unit order, as the stores sort them. */
export const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A plain update (the seeds' shape, or a shipper's): no sequence number of its own. */
export const plain = (town: string, overrides: Partial<IncomingUpdate> = {}): IncomingUpdate => {
  const u = anUpdate(town);
  return { ...u, id: `plain-${u.id.replaceAll('/', '-')}`, seq: null, ...overrides };
};
