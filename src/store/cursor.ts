/**
 * The cursors of paged history, the same for every store. They are opaque to clients: the last
 * event's (day, hour, id), base64url-encoded, so a page continues after it in world-time order.
 */
import type { StoredEvent } from '../events/contracts.ts';

/** Where a page ended, in the order history is read: world time, then id. */
export type CursorPosition = [day: number, hour: number, id: number];

export function encodeCursor(e: Pick<StoredEvent, 'day' | 'hour' | 'id'>): string {
  return Buffer.from(JSON.stringify([e.day, e.hour, e.id])).toString('base64url');
}

/** A RangeError when the cursor is not one `encodeCursor` made. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === 'number')) {
      return value as CursorPosition;
    }
  } catch {
    // fall through to the error below
  }
  throw new RangeError('cursor: not a cursor this server handed out');
}
