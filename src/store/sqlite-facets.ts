/**
 * The facet rollups (facets.ts) in SQLite: their tables, their upsert, and their rebuild when a
 * store is opened with other facet keys than it kept them for (a world that declares a new field).
 */
import type Database from 'better-sqlite3';
import type { FacetBatch } from './facets.ts';
import { spanEnd, spanStart, wholeSpans } from './facets.ts';
import type { FacetQuery, FacetRow, FacetTotals } from './store.ts';

/** A facet key goes into a JSON path: a plain lower_snake_case word. */
export const FACET_KEY = /^[a-z][a-z0-9_]*$/;

/** Schema 7's tables: filled when the store is first opened (facet_state then names its keys). */
export const FACET_TABLES = `
  CREATE TABLE facets (
    metric TEXT NOT NULL,
    kind TEXT NOT NULL,
    town TEXT NOT NULL,
    span INTEGER NOT NULL,
    facet TEXT NOT NULL,
    sum REAL NOT NULL,
    count INTEGER NOT NULL,
    positive INTEGER NOT NULL,
    PRIMARY KEY (metric, kind, town, span, facet)
  ) WITHOUT ROWID;
  CREATE TABLE facet_state (id INTEGER PRIMARY KEY CHECK (id = 1), keys TEXT NOT NULL);`;

const UPSERT_FACET = `INSERT INTO facets (metric, kind, town, span, facet, sum, count, positive)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (metric, kind, town, span, facet) DO UPDATE SET
     sum = sum + excluded.sum, count = count + excluded.count, positive = positive + excluded.positive`;

export type UpsertFacet = Database.Statement<
  [string, string, string, number, string, number, number, number]
>;

export const prepareUpsertFacet = (db: Database.Database): UpsertFacet => db.prepare(UPSERT_FACET);

export function writeFacets(upsert: UpsertFacet, batch: FacetBatch): void {
  for (const g of batch.groups())
    for (const [metric, f] of g.metrics)
      upsert.run(metric, g.kind, g.town, g.span, g.facet, f.sum, f.count, f.positive);
}

/** Facet totals over the whole spans inside the query's days, per town, kind, span and facet. */
export function facetTotals(db: Database.Database, keys: readonly string[], query: FacetQuery): FacetTotals {
  const spans = wholeSpans(query.fromDay, query.toDay);
  if (spans === null) return { from: query.fromDay, to: query.fromDay - 1, rows: [] };
  const clauses = ['metric = ?', 'span >= ?', 'span <= ?'];
  const params: (string | number)[] = [query.metric, spans[0], spans[1]];
  const oneOf = (
    expression: string,
    values: readonly (string | number)[] | undefined,
    ...before: string[]
  ) => {
    if (values === undefined) return;
    if (values.length === 0) clauses.push('0');
    else {
      clauses.push(`${expression} IN (${values.map(() => '?').join(', ')})`);
      params.push(...before, ...values);
    }
  };
  oneOf('kind', query.kinds);
  oneOf('town', query.towns);
  oneOf('json_extract(facet, ?)', query.actors, '$.actor');
  for (const [key, values] of Object.entries(query.equals ?? {})) {
    if (!FACET_KEY.test(key) || !keys.includes(key))
      throw new RangeError(`facets: "${key}" is not one of the facet keys (${keys.join(', ')})`);
    oneOf('json_extract(facet, ?)', values, `$.${key}`);
  }
  const rows = db
    .prepare<(string | number)[], [string, string, number, string, number, number, number]>(
      `SELECT town, kind, span, facet, sum, count, positive FROM facets WHERE ${clauses.join(' AND ')}`,
    )
    .raw(true)
    .all(...params) as unknown as [string, string, number, string, number, number, number][];
  return {
    from: spanStart(spans[0]),
    to: spanEnd(spans[1]),
    rows: rows.map(([town, kind, span, facet, sum, count, positive]): FacetRow => {
      const { actor = null, ...fields } = JSON.parse(facet) as Record<string, string>;
      return { town, kind, span, actor, fields, sum, count, positive };
    }),
  };
}
