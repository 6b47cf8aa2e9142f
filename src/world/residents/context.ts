/**
 * What the parts of the residents' engine share while days run: the residents and their state,
 * where everyone is, the day and tick, the day's log and each town's actions not yet taken, and
 * how an action is recorded. The engine (engine.ts) owns it; activities, travel, conversation,
 * reflection and snapshot work on it.
 */
import type { TownId } from '../types.ts';
import type { Ticks } from './agenda.ts';
import type { Geography } from './geography.ts';
import type { MemoryStream } from './memory.ts';
import type { News } from './news.ts';
import type { Relationships } from './relationships.ts';
import type { Task, TaskTable } from './tasks.ts';
import type {
  Action,
  ActionKind,
  Category,
  Conversation,
  Memory,
  RelationshipChange,
  ResidentDef,
  RunSettings,
  ScriptedEvent,
  Slot,
} from './types.ts';

export interface ResidentState {
  def: ResidentDef;
  /** The town they are in, or heading to while on the road. */
  town: TownId;
  /** Location id; '' on the road. */
  location: string;
  travel: { from: TownId; to: TownId; by: string; departs: number; arrives: number; hours: number } | null;
  /** What they are doing since the last tick (an activity id). */
  doing: string;
  lastTalk: number;
  actionsToday: number;
  /** The tick they last acted in, so no one does two things at once. */
  actedAt: number;
  agenda: Slot[];
  task: Task;
  memory: MemoryStream;
}

/** Everything a day produced, for its report. */
export interface DayLog {
  day: number;
  actions: Action[];
  conversations: Conversation[];
  changes: RelationshipChange[];
  memories: Memory[];
  /** Where everyone was when the day ended. */
  whereabouts: { resident: string; town: TownId; location: string }[];
  /** Everyone's agenda as planned at dawn. */
  schedules: { resident: string; slots: Slot[] }[];
}

export function emptyLog(day: number): DayLog {
  return { day, actions: [], conversations: [], changes: [], memories: [], whereabouts: [], schedules: [] };
}

/** How many people are in each place. */
export class Occupancy {
  private readonly counts = new Map<string, number>();

  occupants(location: string): number {
    return this.counts.get(location) ?? 0;
  }

  enter(location: string): void {
    this.counts.set(location, this.occupants(location) + 1);
  }

  /** Leave a place ('' on the road: nothing to leave). */
  leave(location: string): void {
    if (location) this.counts.set(location, Math.max(0, this.occupants(location) - 1));
  }
}

export interface Context {
  readonly settings: RunSettings;
  readonly geo: Geography;
  readonly ticks: Ticks;
  readonly scripted: readonly ScriptedEvent[];
  readonly summaryOnly: boolean;
  /** Activity id → its category. */
  readonly categories: ReadonlyMap<string, Category>;
  /** Role → tasks: the config's table, or the default one. */
  readonly tasks: TaskTable;
  readonly people: ResidentState[];
  readonly byName: Map<string, ResidentState>;
  readonly occupancy: Occupancy;
  readonly relationships: Relationships;
  /** Each town's latest news, newest first. */
  readonly news: Map<string, string[]>;
  /** Which events are news, as the towns declare it. */
  readonly newsRule: News;
  /** Each town's actions since drivers last took them. */
  readonly pending: Map<string, Action[]>;
  /** Tasks each resident has finished, to pick the next. */
  readonly tasksDone: Map<string, number>;
  day: number;
  tick: number;
  /** The last action's and the last memory's numbers. */
  seq: number;
  memoryIds: number;
  log: DayLog;
}

/** Whether someone can take part in something now. */
export function free(ctx: Context, p: ResidentState): boolean {
  return !p.travel && p.actedAt !== ctx.tick && p.actionsToday < ctx.settings.maxActionsPerDay;
}

/** Something a resident did now: into the day's log and the queue of the town it happened in. */
export function record(
  ctx: Context,
  p: ResidentState,
  activity: string,
  kind: ActionKind,
  t: number,
  text: string,
  data: Record<string, number | string>,
  isMove = false,
  withWhom: readonly string[] = [],
): void {
  if (!isMove) {
    p.actedAt = ctx.tick;
    p.actionsToday++;
    p.doing = activity;
  }
  const category: Category =
    kind === 'move' || kind === 'travel' || kind === 'arrive'
      ? 'travel'
      : (ctx.categories.get(activity) ?? 'wellness');
  const action: Action = {
    seq: ++ctx.seq,
    t,
    day: ctx.day,
    // The moves home at day's end happen at the end hour, whatever the ticks' length.
    hour: Math.min(ctx.ticks.hourOf(ctx.tick), ctx.settings.endHour),
    tick: ctx.tick,
    kind,
    resident: p.def.name,
    town: kind === 'travel' ? (p.travel?.from ?? p.town) : p.town,
    location: p.location,
    activity,
    category,
    with: withWhom,
    text,
    data: p.location && !('location' in data) ? { ...data, location: p.location } : data,
  };
  ctx.log.actions.push(action);
  const queue = ctx.pending.get(action.town) ?? [];
  queue.push(action);
  ctx.pending.set(action.town, queue);
}

export function rest(ctx: Context, p: ResidentState, t: number): void {
  const where = p.location === p.def.home ? 'home' : ctx.geo.nameOf(p.location);
  record(ctx, p, 'rest', 'wait', t, `${p.def.name} rested at ${where}.`, {});
}
