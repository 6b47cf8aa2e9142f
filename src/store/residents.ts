/**
 * Where the residents' world is kept: the catalogue (residents, locations, activities, routes),
 * and what every day left behind (actions, schedules, conversations, memories, relationships,
 * whereabouts, the report), plus the state a run carries on from. SQLite today
 * (residents-sqlite.ts); a PostgreSQL store would implement the same interface, which is
 * asynchronous for that reason, like the event store's, and pass test/contract/resident-store.ts.
 */
import type { DayReport } from '../residents/report.ts';
import type { DayLog, Snapshot } from '../world/residents/engine.ts';
import type { Conversation, Memory, MemoryKind, ResidentsConfig, Slot } from '../world/residents/types.ts';

export interface StoredReport {
  day: number;
  json: DayReport;
  markdown: string;
}

/** A memory as stored: what it was and when it was formed (its last recall is the run's state). */
export type StoredMemory = Omit<Memory, 'lastAccess'> & { day: number };

/** A slot of a stored agenda, with the hour its tick began (null when the day recorded no action then). */
export type AgendaSlot = Slot & { hour: number | null };

/** Which conversations: of a day, of a resident, with another, only the latest few. */
export interface ConversationQuery {
  resident?: string;
  day?: number;
  /** Only those this resident took part in too (with `resident`: the talks of the pair). */
  with?: string;
  /** Only the latest this many (still in world-time order). */
  last?: number;
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
  /** Conversations of a day, of a resident, of a pair, or the latest of them, in world-time order. */
  conversations(query: ConversationQuery): Promise<Conversation[]>;
  /** How two residents stand, in either order; undefined when they never met. */
  relationship(a: string, b: string): Promise<number | undefined>;
  /** Everyone a resident has met and how they stand after the last day stored, warmest first. */
  relationshipsOf(resident: string): Promise<{ other: string; score: number }[]>;
  /** A resident's memories (of these kinds), only the latest `last` when given, in world-time order. */
  memories(
    resident: string,
    query?: { kinds?: readonly MemoryKind[]; last?: number },
  ): Promise<StoredMemory[]>;
  /** A resident's agenda as planned at dawn of this day, or of the latest day before it stored. */
  agenda(resident: string, day: number): Promise<{ day: number; slots: AgendaSlot[] } | undefined>;
  close(): Promise<void>;
}
