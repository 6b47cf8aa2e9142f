/**
 * The stores' contracts run against SQLite (a real file in a temporary directory), opened through
 * the factory as the product opens them; and the factory and the digest themselves.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { IncomingUpdate } from '../../../src/events/schema.ts';
import { eventStorePath, residentStorePath } from '../../../src/files/data-dir.ts';
import { prepareUpdate } from '../../../src/store/digest.ts';
import { openEventStore, openResidentStore, parseStoreLocation } from '../../../src/store/open.ts';
import type { TownId } from '../../../src/world/types.ts';
import { eventStoreContract, type OpenStore } from '../../contract/event-store.ts';
import { residentStoreContract } from '../../contract/resident-store.ts';
import { anUpdate } from '../../helpers/updates.ts';

/** A store in a fresh directory, opened at `location(dir)` as many times as asked. */
function inTempDir<S>(
  openAt: (location: string) => Promise<S>,
  location: (dir: string) => string,
): OpenStore<S> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-contract-'));
    return {
      store: await openAt(location(dir)),
      reopen: () => openAt(location(dir)),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  };
}

eventStoreContract('SQLite', inTempDir(openEventStore, eventStorePath));
residentStoreContract('SQLite', inTempDir(openResidentStore, residentStorePath));

describe('opening a store from its location', () => {
  test('a path, a sqlite: URL and a file: URL are SQLite files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronicle-open-'));
    try {
      const locations = [
        join(dir, 'plain.db'),
        `sqlite:${join(dir, 'short.db')}`,
        `sqlite://${join(dir, 'with space.db').replaceAll(' ', '%20')}`,
        pathToFileURL(join(dir, 'file.db')).href,
      ];
      for (const location of locations) {
        const store = await openEventStore(location);
        await store.append([anUpdate()]);
        await store.close();
      }
      for (const file of ['plain.db', 'short.db', 'with space.db', 'file.db'])
        assert.ok(existsSync(join(dir, file)), file);
      const residents = await openResidentStore(`sqlite:${join(dir, 'residents.db')}`);
      await residents.close();
      assert.ok(existsSync(join(dir, 'residents.db')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a PostgreSQL URL is refused for now, naming it without its password', async () => {
    for (const url of [
      'postgres://chronicle:s3cret@db.example:5432/world',
      'postgresql://chronicle:s3cret@db/world',
    ]) {
      for (const open of [openEventStore, openResidentStore]) {
        await assert.rejects(open(url), (error: Error) => {
          assert.match(error.message, /PostgreSQL stores are not built yet/);
          assert.match(error.message, /chronicle@db/);
          assert.doesNotMatch(error.message, /s3cret/);
          return true;
        });
      }
    }
  });

  test('a URL of another kind, or an empty location, is refused', () => {
    assert.throws(() => parseStoreLocation('mysql://root:pw@db/world'), /not a store location/);
    assert.throws(() => parseStoreLocation('  '), /a store location is a path or a URL/);
    assert.throws(() => parseStoreLocation('sqlite://elsewhere/x.db'), /not a SQLite location/);
    assert.deepEqual(parseStoreLocation('C:\\data\\chronicle.db'), {
      backend: 'sqlite',
      path: 'C:\\data\\chronicle.db',
    });
  });
});

describe('the idempotency digest', () => {
  test('is what stored databases hold: the same content gives the same digest as before, always', () => {
    const update: IncomingUpdate = {
      id: 'w-1/port-logic/7',
      town: 'port-logic' as TownId,
      seq: 7,
      ts: '2026-01-01T03:00:00.000Z',
      day: 2,
      hour: 13.4,
      events: [
        {
          kind: 'fishing',
          actor: 'Nell Brine',
          text: 'Nell Brine brought in 42 fish — a fine catch.',
          data: { fish: 42 },
        },
        {
          kind: 'sensor',
          text: '11.6 °C, 1012.8 hPa.',
          data: { temperature_c: 11.6, pressure_hpa: 1012.8, note: 'fog' },
        },
      ],
    };
    // Worked out by the digest as the first stores wrote it: a change here breaks every stored update.
    const prepared = prepareUpdate(update);
    assert.equal(prepared.digest, '-jgDAbyzhJ8lq094XygKeMAgXe1Rr33CF6vDgQC2-QQ');
    assert.deepEqual(
      prepared.dataJson,
      update.events.map((e) => JSON.stringify(e.data)),
    );
  });
});
