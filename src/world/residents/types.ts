/**
 * The residents' world as data: places, activities, the roads people take, the people themselves,
 * and what they do. The engine (engine.ts) runs it; nothing here has behaviour.
 */
import type { TownId } from '../types.ts';

/** The kinds of public place a town may have; everyone's home is a place of kind 'home'. */
export const PLACE_KINDS = [
  'dock',
  'market',
  'tavern',
  'square',
  'forge',
  'mill',
  'fields',
  'mine',
  'academy',
  'workshop',
] as const;

export type LocationKind = 'home' | (typeof PLACE_KINDS)[number];

export interface LocationDef {
  /** `<town>/<name>`, unique in the world. */
  id: string;
  town: TownId;
  name: string;
  kind: LocationKind;
  /** How many people fit at once. */
  capacity: number;
  /** Open from this hour to that one ([0, 24] is always open). */
  open: readonly [from: number, to: number];
}

export type Category = 'work' | 'social' | 'wellness' | 'travel';

export interface ActivityDef {
  id: string;
  name: string;
  category: Category;
  /** How long it usually takes, in minutes. */
  minutes: number;
}

/** A road people travel between two towns (faster than a laden barge). Runs both ways. */
export interface RouteDef {
  from: TownId;
  to: TownId;
  hours: number;
  by: string;
}

export interface ResidentDef {
  name: string;
  town: TownId;
  /** What they do, as people say it ("apprentice tinkerer"). */
  job: string;
  /** The town's worker roles they fill (see each town's `workers`); none for the idle. */
  roles: readonly string[];
  persona: string;
  /** Interests with a weight in (0, 1]. */
  interests: Readonly<Record<string, number>>;
  /** Family by relation ("sister": "Ada Furrow"). */
  family?: Readonly<Record<string, string>>;
  /** Location ids. */
  home: string;
  workplace: string;
  /** How much they seek company, 0–1. */
  sociability: number;
}

export interface ResidentsConfig {
  locations: readonly LocationDef[];
  activities: readonly ActivityDef[];
  routes: readonly RouteDef[];
  residents: readonly ResidentDef[];
  /** Role → the tasks residents in it work on, in turn (see tasks.ts); the default table when absent. */
  tasks?: Readonly<Record<string, readonly string[]>>;
}

/** How a run is ticked and bounded; the plan's flags. */
export interface RunSettings {
  seed: string;
  tickMinutes: number;
  startHour: number;
  endHour: number;
  /** Conversations (chats and meetings) at once, world-wide, per tick. */
  maxConcurrentChats: number;
  /** No resident takes more actions than this in a day. */
  maxActionsPerDay: number;
  /** Minutes a resident waits after one conversation before the next. */
  chatCooldownMinutes: number;
}

export const DEFAULT_SETTINGS: Omit<RunSettings, 'seed'> = {
  tickMinutes: 60,
  startHour: 8,
  endHour: 20,
  maxConcurrentChats: 4,
  maxActionsPerDay: 16,
  chatCooldownMinutes: 120,
};

export type ActionKind =
  | 'move'
  | 'travel'
  | 'arrive'
  | 'work'
  | 'task'
  | 'reflect'
  | 'chat'
  | 'meeting'
  | 'wait';

/** One thing one resident did at one tick: the world-events row and, for most, a stream event. */
export interface Action {
  /** Order in the run; ties in time keep this order. */
  seq: number;
  /** World time (days since the start of day 1) and its day and hour. */
  t: number;
  day: number;
  hour: number;
  tick: number;
  kind: ActionKind;
  resident: string;
  /** Where it happens: the town whose stream carries it. */
  town: TownId;
  /** Location id, or '' on the road. */
  location: string;
  activity: string;
  category: Category;
  /** The others taking part (a chat's partner, a meeting's members). */
  with: readonly string[];
  text: string;
  data: Record<string, number | string>;
}

export type MemoryKind = 'observation' | 'conversation' | 'reflection' | 'plan' | 'task';

export interface Memory {
  id: number;
  resident: string;
  /** World time it was formed and last recalled. */
  t: number;
  lastAccess: number;
  kind: MemoryKind;
  text: string;
  /** 1 (mundane) to 10 (life-changing). */
  importance: number;
}

export interface Conversation {
  id: string;
  kind: 'chat' | 'meeting';
  t: number;
  day: number;
  hour: number;
  town: TownId;
  location: string;
  participants: readonly string[];
  topic: string;
  /** Lines of the exchange; empty under `--summary-only`. */
  transcript: readonly string[];
  summary: string;
  /** The change to each pair's relationship score. */
  delta: number;
}

/** A slot of a resident's agenda: what they plan at one tick. */
export interface Slot {
  tick: number;
  activity: string;
  location: string;
  /** Someone they hope to see. */
  partner?: string;
}

export interface RelationshipChange {
  a: string;
  b: string;
  before: number;
  after: number;
  /** What moved it, newest last. */
  reasons: string[];
  /** How far each of the reasons moved it (the score's change, clamped to [-100, 100]). */
  moves: number[];
}

/**
 * A scenario's scripted event: for a span of hours on a day it overrides what residents planned.
 * - `gathering`: everyone it names goes to `location` and meets there (a festival, a funeral).
 * - `storm`: no one travels, outdoor work stops and people stay home; the town's weather turns.
 * - `siege`: the people of `from` (the pirates) sail to `town` and face its people at `location`:
 *   each side closes ranks, and the two sides sour on each other.
 */
export interface ScriptedEvent {
  day: number;
  from_hour: number;
  to_hour: number;
  kind: 'gathering' | 'storm' | 'siege';
  /** The town it happens in; a storm without one blows everywhere. */
  town?: TownId;
  location?: string;
  /** Who takes part in a gathering: the town's people (default) or everyone who can get there. */
  who?: 'town' | 'all';
  /** Whose people lay a siege (by default, the towns that raid). */
  from?: TownId;
  text: string;
}

export interface Scenario {
  name: string;
  description: string;
  events: readonly ScriptedEvent[];
}
