/**
 * Opens a store from where it is: a path or a `sqlite:`/`file:` URL is a SQLite file; a
 * `postgres://` URL will be a PostgreSQL database. Callers name a location and get the interface,
 * so a new backend changes this module and nothing that uses a store.
 */
import { fileURLToPath } from 'node:url';
import type { ResidentStore } from './residents.ts';
import { SqliteResidentStore } from './residents-sqlite.ts';
import { type EventStoreOptions, SqliteEventStore } from './sqlite.ts';
import type { EventStore } from './store.ts';

export type StoreLocation = { backend: 'sqlite'; path: string } | { backend: 'postgres'; url: string };

/** A URL's scheme, as `scheme://` or `scheme:` starts it; one letter is a Windows drive, not a scheme. */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/** The URL as it may be shown: without its password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url.replace(/(\/\/[^/@:]*):[^/@]*@/, '$1@');
  }
}

/** `sqlite:PATH`, or `sqlite:///absolute/path` as a file URL spells it (percent-escapes decoded). */
function sqlitePath(location: string, rest: string): string {
  if (!rest.startsWith('//')) return rest;
  try {
    return fileURLToPath(`file:${rest}`);
  } catch (error) {
    throw new Error(`${location}: not a SQLite location (${(error as Error).message})`);
  }
}

export function parseStoreLocation(location: string): StoreLocation {
  if (location.trim() === '') throw new Error('a store location is a path or a URL, not nothing');
  const scheme = SCHEME.exec(location)?.[1]?.toLowerCase();
  if (scheme === undefined) return { backend: 'sqlite', path: location };
  const rest = location.slice(scheme.length + 1);
  if (scheme === 'sqlite' || scheme === 'file') {
    const path = sqlitePath(location, rest);
    if (path === '') throw new Error(`${location}: the SQLite location names no file`);
    return { backend: 'sqlite', path };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') return { backend: 'postgres', url: location };
  // Only a URL is refused: `notes:2026.db` could be a file's name.
  if (rest.startsWith('//'))
    throw new Error(
      `${withoutPassword(location)}: not a store location (a path, sqlite:, file: or postgres:// URL)`,
    );
  return { backend: 'sqlite', path: location };
}

function notBuilt(url: string): Error {
  return new Error(`PostgreSQL stores are not built yet: ${withoutPassword(url)} cannot be opened`);
}

export async function openEventStore(location: string, options: EventStoreOptions = {}): Promise<EventStore> {
  const where = parseStoreLocation(location);
  if (where.backend === 'postgres') throw notBuilt(where.url);
  return new SqliteEventStore(where.path, options);
}

export async function openResidentStore(location: string): Promise<ResidentStore> {
  const where = parseStoreLocation(location);
  if (where.backend === 'postgres') throw notBuilt(where.url);
  return new SqliteResidentStore(where.path);
}
