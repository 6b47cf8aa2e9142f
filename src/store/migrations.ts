/** Numbered schema migrations for a SQLite file, tracked in PRAGMA user_version. */
import type Database from 'better-sqlite3';

/** Bring `db` up to the last of `migrations`, each in its own transaction; `what` names it in errors. */
export function migrate(db: Database.Database, migrations: readonly string[], what: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new Error(`${what} was written by a newer Chronicle (schema ${version}); upgrade to read it`);
  }
  for (let v = version; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
