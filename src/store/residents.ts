/**
 * Where the residents' world is kept: the catalogue (residents, locations, activities, routes),
 * and what every day left behind (actions, schedules, conversations, memories, relationships,
 * whereabouts, the report), plus the state a run carries on from. SQLite today
 * (residents-sqlite.ts); a PostgreSQL store would implement the same interface, which is
 * asynchronous for that reason, like the event store's, and pass test/contract/resident-store.ts.
 */
import type { DayReport } from '../residents/report.ts';
import type { DayLog, Snapshot } from '../world/residents/engine.ts';
import type { Conversation, ResidentsConfig } from '../world/residents/types.ts';

export interface StoredReport {
  day: number;
  json: DayReport;
  markdown: string;
}

export interface ResidentStore {
  /** The catalogue `world init` stored, if any. */
  config(): Promise<ResidentsConfig | undefined>;
  /** Replace the catalogue (and forget any run's state and days: they belonged to the old one). */
  saveConfig(config: ResidentsConfig): Promise<void>;
  /** The state the last run left, to carry on from. */
  snapshot(): Promise<Snapshot | undefined>;
  /** Store a closed day, all or nothing; storing a day again replaces it. */
  saveDay(
    log: DayLog,
    report: StoredReport,
    relationships: { a: string; b: string; score: number }[],
  ): Promise<void>;
  saveSnapshot(snapshot: Snapshot): Promise<void>;
  report(day: number): Promise<StoredReport | undefined>;
  /** The days that have a report, in order. */
  reportDays(): Promise<number[]>;
  /** Conversations of a day, of a resident, or both, in world-time order. */
  conversations(query: { resident?: string; day?: number }): Promise<Conversation[]>;
  /** How two residents stand, in either order; undefined when they never met. */
  relationship(a: string, b: string): Promise<number | undefined>;
  close(): Promise<void>;
}
