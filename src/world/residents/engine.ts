/**
 * The residents' daily life: a deterministic scheduler that, tick by tick, moves people between
 * places and towns, sends them to work, lets them talk, meet and reflect, and remembers it all.
 *
 * It reads no clock and draws no randomness but seeded Rngs keyed by day, tick and name, so every
 * process that runs it with the same seed and settings agrees on who is where and who met whom.
 * Drivers advance it to a world time, ask who is on duty for a town's jobs, hand it the towns'
 * events to observe, and take the actions that happened in each town.
 */
import { worldDaysOf } from '../clock.ts';
import { Rng } from '../rng.ts';
import type { TownEvent, TownId } from '../types.ts';
import { planDay, Ticks } from './agenda.ts';
import {
  type Context,
  type DayLog,
  emptyLog,
  free,
  Occupancy,
  type ResidentState,
  record,
  rest,
} from './context.ts';
import { RESIDENT_KINDS } from './events.ts';
import { Geography } from './geography.ts';
import { MemoryStream } from './memory.ts';
import { isNews } from './news.ts';
import { REFLECT_AT, reflect, remember, rememberPlan } from './reflection.ts';
import { Relationships } from './relationships.ts';
import { addressOf, chatDelta, sharedInterests, writeChat } from './talk.ts';
import { DEFAULT_TASKS, newTask, progressed } from './tasks.ts';
import { arrive, depart, moveTo, stormAt } from './travel.ts';
import type {
  Action,
  Conversation,
  Memory,
  ResidentDef,
  ResidentsConfig,
  RunSettings,
  ScriptedEvent,
  Slot,
} from './types.ts';

const NEWS_KEPT = 5;

/** What a run needs to carry on where it stopped. */
export interface Snapshot {
  format: 1;
  day: number;
  seq: number;
  memoryIds: number;
  people: {
    name: string;
    town: TownId;
    location: string;
    travel: ResidentState['travel'];
    lastTalk: number | null;
    task: ResidentState['task'];
    tasksDone: number;
    pendingImportance: number;
    memories: Memory[];
  }[];
  relationships: { a: string; b: string; score: number }[];
  news: Record<string, string[]>;
}

export type { DayLog, ResidentState } from './context.ts';

export interface EngineOptions {
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
    const tasks = config.tasks ?? DEFAULT_TASKS;
    const day = options.fromDay ?? 1;
    this.ctx = {
      settings,
      geo: new Geography(config),
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
    if (this.ctx.tick !== 0) throw new Error('a snapshot is taken between days');
    return {
      format: 1,
      day: this.ctx.day,
      seq: this.ctx.seq,
      memoryIds: this.ctx.memoryIds,
      people: this.ctx.people.map((p) => ({
        name: p.def.name,
        town: p.town,
        location: p.location,
        travel: p.travel,
        lastTalk: Number.isFinite(p.lastTalk) ? p.lastTalk : null,
        task: { ...p.task },
        tasksDone: this.ctx.tasksDone.get(p.def.name) ?? 0,
        pendingImportance: p.memory.pendingImportance,
        memories: p.memory.recent(),
      })),
      relationships: this.allRelationships(),
      news: Object.fromEntries(this.ctx.news),
    };
  }

  /** Carry on from a snapshot; residents it does not know start afresh, ones it knows but the config lacks are gone. */
  static restore(options: EngineOptions, snap: Snapshot): Residents {
    const engine = new Residents({ ...options, fromDay: Math.max(snap.day, options.fromDay ?? 1) });
    engine.ctx.seq = snap.seq;
    engine.ctx.memoryIds = snap.memoryIds;
    for (const saved of snap.people) {
      const p = engine.ctx.byName.get(saved.name);
      if (!p || (!saved.travel && !engine.ctx.geo.has(saved.location))) continue;
      engine.ctx.occupancy.leave(p.location);
      Object.assign(p, {
        town: saved.town,
        location: saved.location,
        travel: saved.travel,
        task: saved.task,
      });
      p.lastTalk = saved.lastTalk ?? Number.NEGATIVE_INFINITY;
      if (p.location) engine.ctx.occupancy.enter(p.location);
      engine.ctx.tasksDone.set(p.def.name, saved.tasksDone);
      for (const m of saved.memories) p.memory.add(m);
      p.memory.pendingImportance = saved.pendingImportance;
    }
    for (const r of snap.relationships) {
      if (engine.ctx.byName.has(r.a) && engine.ctx.byName.has(r.b))
        engine.ctx.relationships.set(r.a, r.b, r.score);
    }
    for (const [town, items] of Object.entries(snap.news)) engine.ctx.news.set(town, [...items]);
    return engine;
  }

  // --- What drivers ask -------------------------------------------------------------------------

  /** World time of the next tick. */
  get nextTick(): number {
    return this.timeOf(this.ctx.day, this.ctx.tick);
  }

  /** Run every tick up to world time `t`. */
  advanceTo(t: number): void {
    while (this.nextTick <= t + 1e-9) this.step();
  }

  /** Run every tick of the current day and close it; returns its log. */
  finishDay(): DayLog {
    const day = this.ctx.day;
    while (this.ctx.day === day) this.step();
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
    const out = this.ctx.pending.get(town) ?? [];
    this.ctx.pending.set(town, []);
    return out;
  }

  /** This town's actions since the last call; every other town's are dropped (another process tells them). */
  drainAll(town: string): Action[] {
    const mine = this.drain(town);
    for (const other of this.ctx.pending.keys()) if (other !== town) this.ctx.pending.set(other, []);
    return mine;
  }

  /** A town's events, as residents there witness them: their own work, and the news. */
  observe(town: string, t: number, events: readonly TownEvent[]): void {
    for (const e of events) {
      // What residents do is remembered as they do it; only the towns' own events are news to them.
      if (RESIDENT_KINDS.has(e.kind)) continue;
      const own = e.actor ? this.ctx.byName.get(e.actor) : undefined;
      if (own) remember(this.ctx, own, t, 'observation', e.text);
      if (!isNews(e)) continue;
      const news = this.ctx.news.get(town) ?? [];
      news.unshift(e.text);
      news.length = Math.min(news.length, NEWS_KEPT);
      this.ctx.news.set(town, news);
      for (const p of this.ctx.people)
        if (p !== own && !p.travel && p.town === town) remember(this.ctx, p, t, 'observation', e.text);
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
    // A day is planned when its first tick comes, so a closed day leaves nothing of the next behind.
    if (this.ctx.tick === 0) this.startDay();
    this.runTick();
    this.ctx.tick++;
    if (this.ctx.tick >= this.ctx.ticks.perDay) {
      this.endDay();
      this.ctx.day++;
      this.ctx.tick = 0;
      this.ctx.log = emptyLog(this.ctx.day);
    }
  }

  private startDay(): void {
    for (const p of this.ctx.people) {
      p.actionsToday = 0;
      p.agenda = planDay(
        {
          seed: this.ctx.settings.seed,
          day: this.ctx.day,
          resident: p.def,
          town: p.town,
          relativeAway: this.relativeAway(p),
          scripted: this.ctx.scripted,
          endHour: this.ctx.settings.endHour,
        },
        this.ctx.geo,
        this.ctx.ticks,
      );
      this.ctx.log.schedules.push({ resident: p.def.name, slots: p.agenda.map((s) => ({ ...s })) });
      rememberPlan(this.ctx, p, this.timeOf(this.ctx.day, 0));
    }
  }

  /** Everyone goes home for the night; a visitor sleeps at the inn. */
  private endDay(): void {
    const t = worldDaysOf(this.ctx.day, this.ctx.settings.endHour);
    for (const p of this.ctx.people) {
      if (p.travel) continue;
      const bed =
        p.town === p.def.town ? p.def.home : (this.ctx.geo.placeIn(p.town, 'tavern')?.id ?? p.location);
      if (p.location !== bed) moveTo(this.ctx, p, bed, t, this.ctx.ticks.perDay, true);
      p.doing = 'rest';
    }
    this.ctx.log.whereabouts = this.ctx.people.map((p) => ({
      resident: p.def.name,
      town: p.town,
      location: p.location,
    }));
    this.ctx.log.changes.sort(
      (x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.a.localeCompare(y.a),
    );
    this.finished.push(this.ctx.log);
  }

  // --- A tick -----------------------------------------------------------------------------------

  private runTick(): void {
    const t = this.nextTick;
    const order = Rng.of(this.ctx.settings.seed, 'order', this.ctx.day, this.ctx.tick).shuffle([
      ...this.ctx.people,
    ]);
    for (const p of order) if (p.travel && p.travel.arrives <= t + 1e-9) arrive(this.ctx, p, t);
    let talks = 0;
    const budget = () => talks < this.ctx.settings.maxConcurrentChats;

    // Meetings first: they need everyone who planned one in the same place at the same time.
    const meetings = new Map<string, ResidentState[]>();
    for (const p of order) {
      const slot = p.agenda[this.ctx.tick];
      if (
        slot?.activity !== 'meeting' ||
        !free(this.ctx, p) ||
        this.ctx.geo.location(slot.location)?.town !== p.town
      )
        continue;
      meetings.set(slot.location, [...(meetings.get(slot.location) ?? []), p]);
    }
    for (const [where, members] of meetings) {
      const room = members.filter(
        (m) => m.location === where || moveTo(this.ctx, m, where, t, this.ctx.tick),
      );
      if (room.length >= 3 && budget()) {
        this.meet(room, where, t);
        talks++;
      }
    }

    for (const p of order) {
      if (p.travel || p.actedAt === this.ctx.tick) continue;
      if (p.actionsToday >= this.ctx.settings.maxActionsPerDay) {
        p.doing = 'rest';
        continue;
      }
      const slot = p.agenda[this.ctx.tick] ?? { tick: this.ctx.tick, activity: 'rest', location: p.def.home };
      this.act(p, slot, t, budget() ? () => talks++ : null);
    }
  }

  private act(p: ResidentState, slot: Slot, t: number, talked: (() => void) | null): void {
    const target = this.ctx.geo.location(slot.location);
    // Plans made for another town (a trip that did not happen) fall back to a walk here.
    if (slot.activity !== 'journey' && target && target.town !== p.town) {
      this.goAndDo(
        p,
        { ...slot, activity: 'stroll', location: this.ctx.geo.placeIn(p.town, 'square')?.id ?? p.location },
        t,
        talked,
      );
      return;
    }
    if (slot.activity === 'journey') {
      if (target && target.town !== p.town) depart(this.ctx, p, target, t);
      else this.goAndDo(p, { ...slot, activity: 'rest' }, t, talked);
      return;
    }
    this.goAndDo(p, slot, t, talked);
  }

  private goAndDo(p: ResidentState, slot: Slot, t: number, talked: (() => void) | null): void {
    if (p.location !== slot.location && !moveTo(this.ctx, p, slot.location, t, this.ctx.tick)) {
      // Full or closed: make do where they are.
      const place = this.ctx.geo.location(slot.location);
      const why =
        place && !this.ctx.geo.isOpen(place, this.ctx.ticks.hourOf(this.ctx.tick))
          ? 'was closed'
          : 'was full';
      const here = p.location === p.def.home ? 'home' : this.ctx.geo.nameOf(p.location);
      record(
        this.ctx,
        p,
        'rest',
        'wait',
        t,
        `${p.def.name} stayed at ${here}: ${this.ctx.geo.nameOf(slot.location)} ${why}.`,
        { wanted: slot.location },
      );
      return;
    }
    switch (slot.activity) {
      case 'work':
        record(
          this.ctx,
          p,
          'work',
          'work',
          t,
          `${p.def.name} worked at ${this.ctx.geo.nameOf(p.location)}.`,
          {},
        );
        break;
      case 'task':
        this.updateTask(p, t);
        break;
      case 'reflect':
        if (p.memory.pendingImportance >= REFLECT_AT) reflect(this.ctx, p, t);
        else rest(this.ctx, p, t);
        break;
      case 'meal':
      case 'stroll':
      case 'meeting':
        if (talked && this.chat(p, slot, t)) talked();
        else
          record(
            this.ctx,
            p,
            slot.activity === 'meal' ? 'meal' : 'stroll',
            'wait',
            t,
            `${p.def.name} ${slot.activity === 'meal' ? 'had a meal' : 'took a stroll'} at ${this.ctx.geo.nameOf(p.location)}.`,
            {},
          );
        break;
      default:
        rest(this.ctx, p, t);
    }
  }

  // --- Talking ----------------------------------------------------------------------------------

  /** Look for someone to talk to here; returns whether a chat happened. */
  private chat(p: ResidentState, slot: Slot, t: number): boolean {
    if (t - p.lastTalk < this.ctx.settings.chatCooldownMinutes / 1440 - 1e-9) return false;
    const around = this.ctx.people.filter(
      (o) =>
        o !== p &&
        o.location === p.location &&
        free(this.ctx, o) &&
        t - o.lastTalk >= this.ctx.settings.chatCooldownMinutes / 1440 - 1e-9,
    );
    if (around.length === 0) return false;
    const rng = Rng.of(this.ctx.settings.seed, 'chat', this.ctx.day, this.ctx.tick, p.def.name);
    const weights = around.map(
      (o) =>
        1 +
        Math.max(0, this.score(p.def.name, o.def.name)) / 20 +
        sharedInterests(p.def, o.def).reduce((s, [, w]) => s + w, 0) +
        (slot.partner === o.def.name ? 4 : 0),
    );
    let roll = rng.next() * weights.reduce((s, w) => s + w, 0);
    let other = around[around.length - 1] as ResidentState;
    for (let i = 0; i < around.length; i++) {
      roll -= weights[i] as number;
      if (roll < 0) {
        other = around[i] as ResidentState;
        break;
      }
    }
    const score = this.score(p.def.name, other.def.name);
    const decided = chatDelta(p.def, other.def, score, rng.split('delta'));
    const out = writeChat(
      {
        a: p.def,
        b: other.def,
        score,
        recalled: p.memory.retrieve(`${other.def.name} ${Object.keys(other.def.interests).join(' ')}`, t, 2, [
          'conversation',
          'observation',
          'reflection',
        ]),
        news: this.ctx.news.get(p.town) ?? [],
        placeName: this.ctx.geo.nameOf(p.location),
        summaryOnly: this.ctx.summaryOnly,
      },
      rng.split('words'),
      decided,
    );
    const conversation = this.converse(
      'chat',
      [p, other],
      t,
      out.topic,
      out.transcript,
      out.summary,
      out.delta,
    );
    for (const [me, them] of [
      [p, other],
      [other, p],
    ] as const) {
      record(
        this.ctx,
        me,
        'chat',
        'chat',
        t,
        `${me.def.name} talked with ${them.def.name} at ${this.ctx.geo.nameOf(me.location)} about ${out.topic}; ${out.warm ? 'it went well' : 'it ended in a quarrel'}.`,
        {
          with: them.def.name,
          conversation: conversation.id,
          topic: out.topic,
          delta: out.delta,
          score: this.score(me.def.name, them.def.name),
        },
        false,
        [them.def.name],
      );
      remember(
        this.ctx,
        me,
        t,
        'conversation',
        `Talked with ${them.def.name} at ${this.ctx.geo.nameOf(me.location)} about ${out.topic}; ${out.warm ? 'it went well' : 'we quarrelled'}.`,
        Math.abs(out.delta) / 2,
      );
    }
    return true;
  }

  private meet(members: ResidentState[], where: string, t: number): void {
    const town = this.ctx.geo.location(where)?.town as TownId;
    const scripted = this.ctx.scripted.find(
      (e) =>
        e.day === this.ctx.day &&
        e.location === where &&
        this.ctx.ticks.hourOf(this.ctx.tick) >= e.from_hour &&
        this.ctx.ticks.hourOf(this.ctx.tick) < e.to_hour,
    );
    const rng = Rng.of(this.ctx.settings.seed, 'meeting', this.ctx.day, this.ctx.tick, where);
    // Pirates and the people they besiege do not part friends; each side closes ranks.
    const hostile = scripted?.kind === 'siege';
    const delta = hostile ? -(3 + rng.int(0, 3)) : rng.chance(0.85) ? 1 + rng.int(0, 1) : -1;
    const deltaFor = (a: ResidentState, b: ResidentState) =>
      hostile && a.def.town === b.def.town ? 2 : delta;
    const topic = scripted
      ? scripted.text
      : (this.ctx.news.get(town)?.[0] ?? `the affairs of ${this.ctx.geo.townName(town)}`);
    const names = members.map((m) => m.def.name);
    const summary = `${names.length} people met at ${this.ctx.geo.nameOf(where)} about ${topic.replace(/[.!]+$/, '')}; ${delta > 0 ? 'they parted on good terms' : 'tempers flared'}.`;
    const transcript = this.ctx.summaryOnly
      ? []
      : members
          .slice(0, 4)
          .map(
            (m, i) =>
              `${addressOf(m.def.name)}: ${i === 0 ? `We are here about ${topic.replace(/[.!]+$/, '').toLowerCase()}.` : delta > 0 ? rng.pick(['Agreed.', 'I will do my part.', 'Well said.']) : rng.pick(['Never!', 'Over my dead body.', 'You will regret this.'])}`,
          );
    const conversation = this.converse('meeting', members, t, topic, transcript, summary, delta, deltaFor);
    for (const m of members) {
      const others = names.filter((n) => n !== m.def.name);
      record(
        this.ctx,
        m,
        'meeting',
        'meeting',
        t,
        `${m.def.name} met ${listNames(others)} at ${this.ctx.geo.nameOf(where)} about ${topic.replace(/[.!]+$/, '')}.`,
        { with: others.join(', '), conversation: conversation.id, people: names.length, delta },
        false,
        others,
      );
      remember(this.ctx, m, t, 'conversation', summary, Math.abs(delta));
    }
  }

  private converse(
    kind: 'chat' | 'meeting',
    members: ResidentState[],
    t: number,
    topic: string,
    transcript: string[],
    summary: string,
    delta: number,
    deltaFor: (a: ResidentState, b: ResidentState) => number = () => delta,
  ): Conversation {
    const first = members[0] as ResidentState;
    const conversation: Conversation = {
      id: `d${this.ctx.day}-t${this.ctx.tick}-${kind}-${this.ctx.log.conversations.length + 1}`,
      kind,
      t,
      day: this.ctx.day,
      hour: this.ctx.ticks.hourOf(this.ctx.tick),
      town: first.town,
      location: first.location,
      participants: members.map((m) => m.def.name),
      topic,
      transcript,
      summary,
      delta,
    };
    this.ctx.log.conversations.push(conversation);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] as ResidentState;
        const b = members[j] as ResidentState;
        this.ctx.relationships.adjust(a.def.name, b.def.name, deltaFor(a, b), summary, this.ctx.log.changes);
      }
    }
    for (const m of members) m.lastTalk = t;
    return conversation;
  }

  private updateTask(p: ResidentState, t: number): void {
    const rng = Rng.of(this.ctx.settings.seed, 'task', this.ctx.day, p.def.name);
    p.task.done = progressed(p.task, rng.int(1, 3));
    const finished = p.task.done >= p.task.total;
    const name = p.task.name;
    record(
      this.ctx,
      p,
      'task',
      'task',
      t,
      finished
        ? `${p.def.name} finished ${name}.`
        : `${p.def.name} worked on ${name} (${p.task.done}/${p.task.total}).`,
      { task: name, done: p.task.done, total: p.task.total },
    );
    if (finished) {
      remember(this.ctx, p, t, 'task', `Finished ${name}.`, 2);
      const n = (this.ctx.tasksDone.get(p.def.name) ?? 0) + 1;
      this.ctx.tasksDone.set(p.def.name, n);
      p.task = newTask(this.ctx.tasks, p.def, n);
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

/** "Ida Pike, Oskar Flint and John"; past four names, "and N others". */
function listNames(names: readonly string[]): string {
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} others`] : [...names];
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? 'no one');
}
