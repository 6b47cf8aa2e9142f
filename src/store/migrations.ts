/** Numbered schema migrations for a SQLite file, tracked in PRAGMA user_version. */
import Database from 'better-sqlite3';

/**
 * One schema change: SQL, or a function for what SQL cannot say well (a backfill worked out in
 * JavaScript with the same code that maintains it on ingest). Either runs inside the migration's
 * transaction.
 */
export type Migration = string | ((db: Database.Database) => void);

/** Bring `db` up to the last of `migrations`, each in its own transaction; `what` names it in errors. */
export function migrate(db: Database.Database, migrations: readonly Migration[], what: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new Error(`${what} was written by a newer Chronicle (schema ${version}); upgrade to read it`);
  }
  for (let v = version; v < migrations.length; v++) {
    db.transaction(() => {
      const migration = migrations[v] as Migration;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/**
 * Open a SQLite file for durable writes (WAL, synchronous=FULL) at the last of its migrations. A
 * failure names the file: "database disk image is malformed" alone does not say which.
 * `cacheMiB` sizes SQLite's page cache before the migrations run, so a backfill has it too.
 */
export function openDatabase(
  path: string,
  migrations: readonly Migration[],
  what: string,
  options: { cacheMiB?: number } = {},
): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    if (options.cacheMiB !== undefined) db.pragma(`cache_size = ${-Math.round(options.cacheMiB * 1024)}`);
    migrate(db, migrations, what);
    return db;
  } catch (error) {
    db?.close();
    throw fileError(path, what, error);
  }
}

/** An error that names the file (and what it is) it came from, keeping its code (SQLITE_FULL…). */
export function fileError(path: string, what: string, error: unknown): Error {
  const message = (error as Error).message;
  if (message.startsWith(path)) return error as Error;
  return Object.assign(new Error(`${path} (${what}): ${message}`, { cause: error }), {
    code: (error as { code?: unknown }).code,
  });
}
