/**
 * The residents' daily life: a deterministic scheduler that, tick by tick, moves people between
 * places and towns, sends them to work, lets them talk, meet and reflect, and remembers it all.
 *
 * It reads no clock and draws no randomness but seeded Rngs keyed by day, tick and name, so every
 * process that runs it with the same seed and settings agrees on who is where and who met whom.
 * Drivers advance it to a world time, ask who is on duty for a town's jobs, hand it the towns'
 * events to observe, and take the actions that happened in each town.
 *
 * The engine runs the days and the ticks; the rest is in modules beside it, working on the state
 * they share (context.ts): what a resident does with a slot (activities.ts), moving and travelling
 * (travel.ts), chats and meetings (conversation.ts), relationships (relationships.ts), memories
 * and reflection (reflection.ts), the tasks table (tasks.ts), news (news.ts) and saving and
 * restoring (snapshot.ts).
 */
import { worldDaysOf } from '../clock.ts';
import { Rng } from '../rng.ts';
import type { TownEvent } from '../types.ts';
import type { World } from '../world.ts';
import { act } from './activities.ts';
import { planDay, Ticks } from './agenda.ts';
import { type Context, type DayLog, emptyLog, free, Occupancy, type ResidentState } from './context.ts';
import { meet } from './conversation.ts';
import { RESIDENT_KINDS } from './events.ts';
import { Geography } from './geography.ts';
import { MemoryStream } from './memory.ts';
import { isNews, newsOf } from './news.ts';
import { remember, rememberPlan } from './reflection.ts';
import { Relationships } from './relationships.ts';
import { restoreInto, type Snapshot, snapshotOf } from './snapshot.ts';
import { newTask, tasksOf } from './tasks.ts';
import { arrive, moveTo, stormAt } from './travel.ts';
import type { Action, ResidentDef, ResidentsConfig, RunSettings, ScriptedEvent } from './types.ts';

const NEWS_KEPT = 5;

export type { DayLog, ResidentState } from './context.ts';
export type { Snapshot } from './snapshot.ts';

export interface EngineOptions {
  /** The towns the residents live in: their names, tasks and news. */
  world: World;
  config: ResidentsConfig;
  settings: RunSettings;
  scripted?: readonly ScriptedEvent[];
  summaryOnly?: boolean;
  /** The first day to run (1 by default). */
  fromDay?: number;
}

export class Residents {
  readonly settings: RunSettings;
  readonly people: ResidentState[];
  private readonly ctx: Context;
  private readonly finished: DayLog[] = [];

  constructor(options: EngineOptions) {
    const { config, settings } = options;
    const tasks = config.tasks ?? tasksOf(options.world);
    const day = options.fromDay ?? 1;
    this.ctx = {
      settings,
      geo: new Geography(config, options.world),
      newsRule: newsOf(options.world),
      ticks: new Ticks(settings),
      scripted: options.scripted ?? [],
      summaryOnly: options.summaryOnly ?? false,
      categories: new Map(config.activities.map((a) => [a.id, a.category])),
      tasks,
      people: config.residents.map((def) => ({
        def,
        town: def.town,
        location: def.home,
        travel: null,
        doing: 'rest',
        lastTalk: Number.NEGATIVE_INFINITY,
        actionsToday: 0,
        actedAt: -1,
        agenda: [],
        task: newTask(tasks, def, 0),
        memory: new MemoryStream(def.name),
      })),
      byName: new Map(),
      occupancy: new Occupancy(),
      relationships: new Relationships(config.residents),
      news: new Map(),
      pending: new Map(),
      tasksDone: new Map(),
      day,
      tick: 0,
      seq: 0,
      memoryIds: 0,
      log: emptyLog(day),
    };
    this.settings = settings;
    this.people = this.ctx.people;
    for (const p of this.people) {
      this.ctx.byName.set(p.def.name, p);
      this.ctx.occupancy.enter(p.location);
    }
  }

  /** The state between two days, to save; only valid when no day is half run. */
  snapshot(): Snapshot {
    return snapshotOf(this.ctx);
  }

  /** Carry on from a snapshot; residents it does not know start afresh, ones it knows but the config lacks are gone. */
  static restore(options: EngineOptions, snap: Snapshot): Residents {
    const engine = new Residents({ ...options, fromDay: Math.max(snap.day, options.fromDay ?? 1) });
    restoreInto(engine.ctx, snap);
    return engine;
  }

  // --- What drivers ask -------------------------------------------------------------------------

  /** World time of the next tick. */
  get nextTick(): number {
    const ctx = this.ctx;
    return this.timeOf(ctx.day, ctx.tick);
  }

  /** Whether no day is half run, so a snapshot can be taken. */
  get betweenDays(): boolean {
    return this.ctx.tick === 0;
  }

  /** Run every tick up to world time `t`. */
  advanceTo(t: number): void {
    while (this.nextTick <= t + 1e-9) this.step();
  }

  /** Run every tick of the current day and close it; returns its log. */
  finishDay(): DayLog {
    const ctx = this.ctx;
    const day = ctx.day;
    while (ctx.day === day) this.step();
    return this.finished.at(-1) as DayLog;
  }

  /** Logs of the days closed since the last call. */
  takeDays(): DayLog[] {
    return this.finished.splice(0);
  }

  /** The residents at work in a town now, by the role they fill: they do its jobs. */
  onDuty(town: string): Record<string, string[]> {
    const duty: Record<string, string[]> = {};
    for (const p of this.ctx.people) {
      if (p.travel || p.town !== town || (p.doing !== 'work' && p.doing !== 'task')) continue;
      if (p.location !== p.def.workplace) continue;
      for (const role of p.def.roles) {
        const names = duty[role] ?? [];
        names.push(p.def.name);
        duty[role] = names;
      }
    }
    return duty;
  }

  /** Actions that took place in a town since the last call, in order. */
  drain(town: string): Action[] {
    const ctx = this.ctx;
    const out = ctx.pending.get(town) ?? [];
    ctx.pending.set(town, []);
    return out;
  }

  /** This town's actions since the last call; every other town's are dropped (another process tells them). */
  drainAll(town: string): Action[] {
    const ctx = this.ctx;
    const mine = this.drain(town);
    for (const other of ctx.pending.keys()) if (other !== town) ctx.pending.set(other, []);
    return mine;
  }

  /** A town's events, as residents there witness them: their own work, and the news. */
  observe(town: string, t: number, events: readonly TownEvent[]): void {
    const ctx = this.ctx;
    for (const e of events) {
      // What residents do is remembered as they do it; only the towns' own events are news to them.
      if (RESIDENT_KINDS.has(e.kind)) continue;
      const own = e.actor ? ctx.byName.get(e.actor) : undefined;
      if (own) remember(ctx, own, t, 'observation', e.text);
      if (!isNews(this.ctx.newsRule, e)) continue;
      const news = ctx.news.get(town) ?? [];
      news.unshift(e.text);
      news.length = Math.min(news.length, NEWS_KEPT);
      ctx.news.set(town, news);
      for (const p of ctx.people)
        if (p !== own && !p.travel && p.town === town) remember(ctx, p, t, 'observation', e.text);
    }
  }

  /** Whether a scenario's storm blows over a town at world time `t`. */
  stormAt(town: string, t: number): boolean {
    return stormAt(this.ctx.scripted, town, t);
  }

  score(a: string, b: string): number {
    return this.ctx.relationships.score(a, b);
  }

  allRelationships(): { a: string; b: string; score: number }[] {
    return this.ctx.relationships.all();
  }

  occupants(location: string): number {
    return this.ctx.occupancy.occupants(location);
  }

  // --- The day ----------------------------------------------------------------------------------

  private timeOf(day: number, tick: number): number {
    return worldDaysOf(day, this.ctx.ticks.hourOf(tick));
  }

  private step(): void {
    const ctx = this.ctx;
    // A day is planned when its first tick comes, so a closed day leaves nothing of the next behind.
    if (ctx.tick === 0) this.startDay();
    this.runTick();
    ctx.tick++;
    if (ctx.tick >= ctx.ticks.perDay) {
      this.endDay();
      ctx.day++;
      ctx.tick = 0;
      ctx.log = emptyLog(ctx.day);
    }
  }

  private startDay(): void {
    const ctx = this.ctx;
    for (const p of ctx.people) {
      p.actionsToday = 0;
      p.agenda = planDay(
        {
          seed: ctx.settings.seed,
          day: ctx.day,
          resident: p.def,
          town: p.town,
          relativeAway: this.relativeAway(p),
          scripted: ctx.scripted,
          endHour: ctx.settings.endHour,
        },
        ctx.geo,
        ctx.ticks,
      );
      ctx.log.schedules.push({ resident: p.def.name, slots: p.agenda.map((s) => ({ ...s })) });
      rememberPlan(ctx, p, this.timeOf(ctx.day, 0));
    }
  }

  /** Everyone goes home for the night; a visitor sleeps at the inn. */
  private endDay(): void {
    const ctx = this.ctx;
    const t = worldDaysOf(ctx.day, ctx.settings.endHour);
    for (const p of ctx.people) {
      if (p.travel) continue;
      const bed = p.town === p.def.town ? p.def.home : (ctx.geo.placeIn(p.town, 'tavern')?.id ?? p.location);
      if (p.location !== bed) moveTo(ctx, p, bed, t, ctx.ticks.perDay, true);
      p.doing = 'rest';
    }
    ctx.log.whereabouts = ctx.people.map((p) => ({
      resident: p.def.name,
      town: p.town,
      location: p.location,
    }));
    ctx.log.changes.sort(
      (x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.a.localeCompare(y.a),
    );
    this.finished.push(ctx.log);
  }

  // --- A tick -----------------------------------------------------------------------------------

  private runTick(): void {
    const ctx = this.ctx;
    const t = this.nextTick;
    const order = Rng.of(ctx.settings.seed, 'order', ctx.day, ctx.tick).shuffle([...ctx.people]);
    for (const p of order) if (p.travel && p.travel.arrives <= t + 1e-9) arrive(ctx, p, t);
    let talks = 0;
    const budget = () => talks < ctx.settings.maxConcurrentChats;

    // Meetings first: they need everyone who planned one in the same place at the same time.
    const meetings = new Map<string, ResidentState[]>();
    for (const p of order) {
      const slot = p.agenda[ctx.tick];
      if (slot?.activity !== 'meeting' || !free(ctx, p) || ctx.geo.location(slot.location)?.town !== p.town)
        continue;
      meetings.set(slot.location, [...(meetings.get(slot.location) ?? []), p]);
    }
    for (const [where, members] of meetings) {
      const room = members.filter((m) => m.location === where || moveTo(ctx, m, where, t, ctx.tick));
      if (room.length >= 3 && budget()) {
        meet(ctx, room, where, t);
        talks++;
      }
    }

    for (const p of order) {
      if (p.travel || p.actedAt === ctx.tick) continue;
      if (p.actionsToday >= ctx.settings.maxActionsPerDay) {
        p.doing = 'rest';
        continue;
      }
      const slot = p.agenda[ctx.tick] ?? { tick: ctx.tick, activity: 'rest', location: p.def.home };
      act(ctx, p, slot, t, budget() ? () => talks++ : null);
    }
  }

  /** A relative who lives in another town. */
  private relativeAway(p: ResidentState): ResidentDef | undefined {
    for (const name of Object.values(p.def.family ?? {})) {
      const other = this.ctx.byName.get(name);
      if (other && other.def.town !== p.def.town) return other.def;
    }
    return undefined;
  }
}
