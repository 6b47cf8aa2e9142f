/**
 * The idempotency digest of an update, the same for every store: the same id with the same content
 * is a repeat; with other content, a conflict. Stored beside each update, so it must never change:
 * databases written before must still match their digests.
 */
import { hash } from 'node:crypto';
import type { IncomingUpdate } from '../events/schema.ts';

/** Built from the events' data as it is stored, so the batch is serialised only once. */
export function digestOf(update: IncomingUpdate, dataJson: readonly string[]): string {
  // One string, one hash call: a native call per event costs more than the hashing. The one-shot
  // crypto.hash makes no Hash object.
  let content = `${update.town}\u0000${update.ts}\u0000${update.day}\u0000${update.hour}`;
  update.events.forEach((e, i) => {
    content += `\u0001${e.kind}\u0000${e.actor ?? ''}\u0000${e.text}\u0000${dataJson[i]}`;
  });
  return hash('sha256', content, 'base64url');
}

/** An update's events' data as stored, and its digest: computed before the transaction. */
export interface PreparedUpdate {
  dataJson: string[];
  digest: string;
}

export function prepareUpdate(update: IncomingUpdate): PreparedUpdate {
  const dataJson = update.events.map((e) => JSON.stringify(e.data));
  return { dataJson, digest: digestOf(update, dataJson) };
}
