/**
 * Where the residents' world is kept: the catalogue (residents, locations, activities, routes),
 * and what every day left behind (actions, schedules, conversations, memories, relationships,
 * whereabouts, the report), plus the state a run carries on from. SQLite today
 * (residents-sqlite.ts); a PostgreSQL store would implement the same interface.
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
  config(): ResidentsConfig | undefined;
  /** Replace the catalogue (and forget any run's state: it belonged to the old one). */
  saveConfig(config: ResidentsConfig): void;
  snapshot(): Snapshot | undefined;
  /** Store a closed day, all or nothing; storing a day again replaces it. */
  saveDay(log: DayLog, report: StoredReport, relationships: { a: string; b: string; score: number }[]): void;
  saveSnapshot(snapshot: Snapshot): void;
  report(day: number): StoredReport | undefined;
  reportDays(): number[];
  conversations(query: { resident?: string; day?: number }): Conversation[];
  relationship(a: string, b: string): number | undefined;
  close(): void;
}
