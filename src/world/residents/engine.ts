/**
 * The residents' daily life: a deterministic scheduler that, tick by tick, moves people between
 * places and towns, sends them to work, lets them talk, meet and reflect, and remembers it all.
 *
 * It reads no clock and draws no randomness but seeded Rngs keyed by day, tick and name, so every
 * process that runs it with the same seed and settings agrees on who is where and who met whom.
 * Drivers advance it to a world time, ask who is on duty for a town's jobs, hand it the towns'
 * events to observe, and take the actions that happened in each town.
 */
import { formatHour, worldDaysOf, worldTimeOf } from '../clock.ts';
import { Rng } from '../rng.ts';
import type { TownEvent, TownId } from '../types.ts';
import { planDay, Ticks } from './agenda.ts';
import { RESIDENT_KINDS } from './events.ts';
import { Geography } from './geography.ts';
import { importanceOf, MemoryStream } from './memory.ts';
import { isNews } from './news.ts';
import { Relationships } from './relationships.ts';
import { addressOf, chatDelta, sharedInterests, writeChat } from './talk.ts';
import { DEFAULT_TASKS, newTask, progressed, type Task, type TaskTable } from './tasks.ts';
import type {
  Action,
  ActionKind,
  Category,
  Conversation,
  LocationDef,
  LocationKind,
  Memory,
  MemoryKind,
  RelationshipChange,
  ResidentDef,
  ResidentsConfig,
  RunSettings,
  ScriptedEvent,
  Slot,
} from './types.ts';

/** Reflect once the importance of what happened since the last reflection reaches this. */
const REFLECT_AT = 20;
const NEWS_KEPT = 5;

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
  private readonly byName = new Map<string, ResidentState>();
  private readonly geo: Geography;
  private readonly ticks: Ticks;
  private readonly occupancy = new Map<string, number>();
  private readonly categories: ReadonlyMap<string, Category>;
  private readonly relationships: Relationships;
  private readonly news = new Map<string, string[]>();
  private readonly pending = new Map<string, Action[]>();
  private readonly scripted: readonly ScriptedEvent[];
  private readonly summaryOnly: boolean;
  private day: number;
  private tick = 0;
  private seq = 0;
  private memoryIds = 0;
  private log: DayLog;
  private readonly finished: DayLog[] = [];
  /** Tasks each resident has finished, to pick the next. */
  private readonly tasksDone = new Map<string, number>();
  /** Role → tasks: the config's table, or the default one. */
  private readonly tasks: TaskTable;

  constructor(options: EngineOptions) {
    const { config, settings } = options;
    this.settings = settings;
    this.scripted = options.scripted ?? [];
    this.summaryOnly = options.summaryOnly ?? false;
    this.geo = new Geography(config);
    this.categories = new Map(config.activities.map((a) => [a.id, a.category]));
    this.tasks = config.tasks ?? DEFAULT_TASKS;
    this.relationships = new Relationships(config.residents);
    this.ticks = new Ticks(settings);
    this.people = config.residents.map((def) => ({
      def,
      town: def.town,
      location: def.home,
      travel: null,
      doing: 'rest',
      lastTalk: Number.NEGATIVE_INFINITY,
      actionsToday: 0,
      actedAt: -1,
      agenda: [],
      task: newTask(this.tasks, def, 0),
      memory: new MemoryStream(def.name),
    }));
    for (const p of this.people) {
      this.byName.set(p.def.name, p);
      this.enter(p.location);
    }
    this.day = options.fromDay ?? 1;
    this.log = this.emptyLog(this.day);
  }

  /** The state between two days, to save; only valid when no day is half run. */
  snapshot(): Snapshot {
    if (this.tick !== 0) throw new Error('a snapshot is taken between days');
    return {
      format: 1,
      day: this.day,
      seq: this.seq,
      memoryIds: this.memoryIds,
      people: this.people.map((p) => ({
        name: p.def.name,
        town: p.town,
        location: p.location,
        travel: p.travel,
        lastTalk: Number.isFinite(p.lastTalk) ? p.lastTalk : null,
        task: { ...p.task },
        tasksDone: this.tasksDone.get(p.def.name) ?? 0,
        pendingImportance: p.memory.pendingImportance,
        memories: p.memory.recent(),
      })),
      relationships: this.allRelationships(),
      news: Object.fromEntries(this.news),
    };
  }

  /** Carry on from a snapshot; residents it does not know start afresh, ones it knows but the config lacks are gone. */
  static restore(options: EngineOptions, snap: Snapshot): Residents {
    const engine = new Residents({ ...options, fromDay: Math.max(snap.day, options.fromDay ?? 1) });
    engine.seq = snap.seq;
    engine.memoryIds = snap.memoryIds;
    for (const saved of snap.people) {
      const p = engine.byName.get(saved.name);
      if (!p || (!saved.travel && !engine.geo.has(saved.location))) continue;
      engine.leave(p.location);
      Object.assign(p, {
        town: saved.town,
        location: saved.location,
        travel: saved.travel,
        task: saved.task,
      });
      p.lastTalk = saved.lastTalk ?? Number.NEGATIVE_INFINITY;
      if (p.location) engine.enter(p.location);
      engine.tasksDone.set(p.def.name, saved.tasksDone);
      for (const m of saved.memories) p.memory.add(m);
      p.memory.pendingImportance = saved.pendingImportance;
    }
    for (const r of snap.relationships) {
      if (engine.byName.has(r.a) && engine.byName.has(r.b)) engine.relationships.set(r.a, r.b, r.score);
    }
    for (const [town, items] of Object.entries(snap.news)) engine.news.set(town, [...items]);
    return engine;
  }

  // --- What drivers ask -------------------------------------------------------------------------

  /** World time of the next tick. */
  get nextTick(): number {
    return this.timeOf(this.day, this.tick);
  }

  /** Run every tick up to world time `t`. */
  advanceTo(t: number): void {
    while (this.nextTick <= t + 1e-9) this.step();
  }

  /** Run every tick of the current day and close it; returns its log. */
  finishDay(): DayLog {
    const day = this.day;
    while (this.day === day) this.step();
    return this.finished.at(-1) as DayLog;
  }

  /** Logs of the days closed since the last call. */
  takeDays(): DayLog[] {
    return this.finished.splice(0);
  }

  /** The residents at work in a town now, by the role they fill: they do its jobs. */
  onDuty(town: string): Record<string, string[]> {
    const duty: Record<string, string[]> = {};
    for (const p of this.people) {
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
    const out = this.pending.get(town) ?? [];
    this.pending.set(town, []);
    return out;
  }

  /** This town's actions since the last call; every other town's are dropped (another process tells them). */
  drainAll(town: string): Action[] {
    const mine = this.drain(town);
    for (const other of this.pending.keys()) if (other !== town) this.pending.set(other, []);
    return mine;
  }

  /** A town's events, as residents there witness them: their own work, and the news. */
  observe(town: string, t: number, events: readonly TownEvent[]): void {
    for (const e of events) {
      // What residents do is remembered as they do it; only the towns' own events are news to them.
      if (RESIDENT_KINDS.has(e.kind)) continue;
      const own = e.actor ? this.byName.get(e.actor) : undefined;
      if (own) this.remember(own, t, 'observation', e.text);
      if (!isNews(e)) continue;
      const news = this.news.get(town) ?? [];
      news.unshift(e.text);
      news.length = Math.min(news.length, NEWS_KEPT);
      this.news.set(town, news);
      for (const p of this.people)
        if (p !== own && !p.travel && p.town === town) this.remember(p, t, 'observation', e.text);
    }
  }

  /** Whether a scenario's storm blows over a town at world time `t`. */
  stormAt(town: string, t: number): boolean {
    const { day, hour } = worldTimeOf(t);
    return this.scripted.some(
      (e) =>
        e.kind === 'storm' &&
        e.day === day &&
        (!e.town || e.town === town) &&
        hour >= e.from_hour &&
        hour < e.to_hour,
    );
  }

  score(a: string, b: string): number {
    return this.relationships.score(a, b);
  }

  allRelationships(): { a: string; b: string; score: number }[] {
    return this.relationships.all();
  }

  occupants(location: string): number {
    return this.occupancy.get(location) ?? 0;
  }

  // --- The day ----------------------------------------------------------------------------------

  private timeOf(day: number, tick: number): number {
    return worldDaysOf(day, this.ticks.hourOf(tick));
  }

  private emptyLog(day: number): DayLog {
    return { day, actions: [], conversations: [], changes: [], memories: [], whereabouts: [], schedules: [] };
  }

  private step(): void {
    // A day is planned when its first tick comes, so a closed day leaves nothing of the next behind.
    if (this.tick === 0) this.startDay();
    this.runTick();
    this.tick++;
    if (this.tick >= this.ticks.perDay) {
      this.endDay();
      this.day++;
      this.tick = 0;
      this.log = this.emptyLog(this.day);
    }
  }

  private startDay(): void {
    for (const p of this.people) {
      p.actionsToday = 0;
      p.agenda = planDay(
        {
          seed: this.settings.seed,
          day: this.day,
          resident: p.def,
          town: p.town,
          relativeAway: this.relativeAway(p),
          scripted: this.scripted,
          endHour: this.settings.endHour,
        },
        this.geo,
        this.ticks,
      );
      this.log.schedules.push({ resident: p.def.name, slots: p.agenda.map((s) => ({ ...s })) });
      const work = p.agenda.filter((s) => s.activity === 'work');
      const first = work[0];
      const last = work.at(-1);
      const text =
        first && last
          ? `Plan for day ${this.day}: work at ${this.geo.nameOf(p.def.workplace)} from ${formatHour(this.ticks.hourOf(first.tick))} to ${formatHour(this.ticks.hourOf(last.tick + 1))}, then ${this.describeEvening(p)}.`
          : `Plan for day ${this.day}: ${this.describeEvening(p)}.`;
      this.remember(p, this.timeOf(this.day, 0), 'plan', text);
    }
  }

  private describeEvening(p: ResidentState): string {
    const trip = p.agenda.find((s) => s.activity === 'journey');
    if (trip) return `a journey to ${this.geo.townName(this.geo.location(trip.location)?.town ?? p.town)}`;
    const evening = p.agenda.filter((s) => this.ticks.hourOf(s.tick) >= 17 && s.activity !== 'reflect');
    const social = evening.find((s) => s.activity === 'meal' || s.activity === 'meeting');
    return social
      ? `${social.activity === 'meeting' ? 'the meeting' : 'supper'} at ${this.geo.nameOf(social.location)}`
      : 'a quiet evening';
  }

  /** Everyone goes home for the night; a visitor sleeps at the inn. */
  private endDay(): void {
    const t = worldDaysOf(this.day, this.settings.endHour);
    for (const p of this.people) {
      if (p.travel) continue;
      const bed = p.town === p.def.town ? p.def.home : (this.geo.placeIn(p.town, 'tavern')?.id ?? p.location);
      if (p.location !== bed) this.moveTo(p, bed, t, this.ticks.perDay, true);
      p.doing = 'rest';
    }
    this.log.whereabouts = this.people.map((p) => ({
      resident: p.def.name,
      town: p.town,
      location: p.location,
    }));
    this.log.changes.sort(
      (x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.a.localeCompare(y.a),
    );
    this.finished.push(this.log);
  }

  // --- A tick -----------------------------------------------------------------------------------

  private runTick(): void {
    const t = this.nextTick;
    const order = Rng.of(this.settings.seed, 'order', this.day, this.tick).shuffle([...this.people]);
    for (const p of order) if (p.travel && p.travel.arrives <= t + 1e-9) this.arrive(p, t);
    let talks = 0;
    const budget = () => talks < this.settings.maxConcurrentChats;

    // Meetings first: they need everyone who planned one in the same place at the same time.
    const meetings = new Map<string, ResidentState[]>();
    for (const p of order) {
      const slot = p.agenda[this.tick];
      if (slot?.activity !== 'meeting' || !this.free(p) || this.geo.location(slot.location)?.town !== p.town)
        continue;
      meetings.set(slot.location, [...(meetings.get(slot.location) ?? []), p]);
    }
    for (const [where, members] of meetings) {
      const room = members.filter((m) => m.location === where || this.moveTo(m, where, t, this.tick));
      if (room.length >= 3 && budget()) {
        this.meet(room, where, t);
        talks++;
      }
    }

    for (const p of order) {
      if (p.travel || p.actedAt === this.tick) continue;
      if (p.actionsToday >= this.settings.maxActionsPerDay) {
        p.doing = 'rest';
        continue;
      }
      const slot = p.agenda[this.tick] ?? { tick: this.tick, activity: 'rest', location: p.def.home };
      this.act(p, slot, t, budget() ? () => talks++ : null);
    }
  }

  /** Whether someone can take part in something now. */
  private free(p: ResidentState): boolean {
    return !p.travel && p.actedAt !== this.tick && p.actionsToday < this.settings.maxActionsPerDay;
  }

  private act(p: ResidentState, slot: Slot, t: number, talked: (() => void) | null): void {
    const target = this.geo.location(slot.location);
    // Plans made for another town (a trip that did not happen) fall back to a walk here.
    if (slot.activity !== 'journey' && target && target.town !== p.town) {
      this.goAndDo(
        p,
        { ...slot, activity: 'stroll', location: this.geo.placeIn(p.town, 'square')?.id ?? p.location },
        t,
        talked,
      );
      return;
    }
    if (slot.activity === 'journey') {
      if (target && target.town !== p.town) this.depart(p, target, t);
      else this.goAndDo(p, { ...slot, activity: 'rest' }, t, talked);
      return;
    }
    this.goAndDo(p, slot, t, talked);
  }

  private goAndDo(p: ResidentState, slot: Slot, t: number, talked: (() => void) | null): void {
    if (p.location !== slot.location && !this.moveTo(p, slot.location, t, this.tick)) {
      // Full or closed: make do where they are.
      const place = this.geo.location(slot.location);
      const why = place && !this.geo.isOpen(place, this.ticks.hourOf(this.tick)) ? 'was closed' : 'was full';
      const here = p.location === p.def.home ? 'home' : this.geo.nameOf(p.location);
      this.record(
        p,
        'rest',
        'wait',
        t,
        `${p.def.name} stayed at ${here}: ${this.geo.nameOf(slot.location)} ${why}.`,
        { wanted: slot.location },
      );
      return;
    }
    switch (slot.activity) {
      case 'work':
        this.record(p, 'work', 'work', t, `${p.def.name} worked at ${this.geo.nameOf(p.location)}.`, {});
        break;
      case 'task':
        this.updateTask(p, t);
        break;
      case 'reflect':
        if (p.memory.pendingImportance >= REFLECT_AT) this.reflect(p, t);
        else this.rest(p, t);
        break;
      case 'meal':
      case 'stroll':
      case 'meeting':
        if (talked && this.chat(p, slot, t)) talked();
        else
          this.record(
            p,
            slot.activity === 'meal' ? 'meal' : 'stroll',
            'wait',
            t,
            `${p.def.name} ${slot.activity === 'meal' ? 'had a meal' : 'took a stroll'} at ${this.geo.nameOf(p.location)}.`,
            {},
          );
        break;
      default:
        this.rest(p, t);
    }
  }

  private rest(p: ResidentState, t: number): void {
    const where = p.location === p.def.home ? 'home' : this.geo.nameOf(p.location);
    this.record(p, 'rest', 'wait', t, `${p.def.name} rested at ${where}.`, {});
  }

  // --- Moving and travelling --------------------------------------------------------------------

  /** Walk to a place in the same town, if it is open and has room. */
  private moveTo(p: ResidentState, to: string, t: number, tick: number, night = false): boolean {
    const where = this.geo.location(to);
    if (!where || where.town !== p.town || p.travel) return false;
    if (!night && (!this.geo.isOpen(where, this.ticks.hourOf(tick)) || this.occupants(to) >= where.capacity))
      return false;
    const from = p.location;
    this.leave(from);
    this.enter(to);
    p.location = to;
    const text = to === p.def.home ? `${p.def.name} went home.` : `${p.def.name} went to ${where.name}.`;
    this.record(p, 'move', 'move', t, text, { from, to }, true);
    return true;
  }

  private depart(p: ResidentState, target: LocationDef, t: number): void {
    const route = this.geo.route(p.town, target.town);
    if (!route || this.stormAt(p.town, t)) {
      this.rest(p, t);
      return;
    }
    this.leave(p.location);
    const from = p.town;
    p.location = '';
    p.travel = {
      from,
      to: target.town,
      by: route.by,
      departs: t,
      arrives: t + route.hours / 24,
      hours: route.hours,
    };
    this.record(
      p,
      'journey',
      'travel',
      t,
      `${p.def.name} set off from ${this.geo.townName(from)} for ${this.geo.townName(target.town)} by ${route.by}, ${route.hours} hours on the way.`,
      {
        from,
        to: target.town,
        by: route.by,
        hours: route.hours,
        stage: 'set off',
      },
    );
    p.town = target.town;
  }

  private arrive(p: ResidentState, t: number): void {
    const travel = p.travel;
    if (!travel) return;
    p.travel = null;
    const home = travel.to === p.def.town;
    const at = home
      ? p.def.home
      : (this.roomIn(travel.to, 'tavern') ?? this.roomIn(travel.to, 'square') ?? p.def.home);
    p.location = at;
    this.enter(at);
    this.record(
      p,
      'journey',
      'arrive',
      t,
      `${p.def.name} arrived in ${this.geo.townName(travel.to)} from ${this.geo.townName(travel.from)} after ${travel.hours} hours by ${travel.by}.`,
      {
        from: travel.from,
        to: travel.to,
        by: travel.by,
        hours: travel.hours,
        location: at,
        stage: 'arrived',
      },
      true,
    );
    if (!home)
      this.remember(p, t, 'observation', `Travelled to ${this.geo.townName(travel.to)} by ${travel.by}.`);
  }

  private roomIn(town: string, kind: LocationKind): string | undefined {
    const l = this.geo.placeIn(town, kind);
    return l && this.occupants(l.id) < l.capacity ? l.id : undefined;
  }

  private enter(location: string): void {
    this.occupancy.set(location, this.occupants(location) + 1);
  }

  private leave(location: string): void {
    if (location) this.occupancy.set(location, Math.max(0, this.occupants(location) - 1));
  }

  // --- Talking ----------------------------------------------------------------------------------

  /** Look for someone to talk to here; returns whether a chat happened. */
  private chat(p: ResidentState, slot: Slot, t: number): boolean {
    if (t - p.lastTalk < this.settings.chatCooldownMinutes / 1440 - 1e-9) return false;
    const around = this.people.filter(
      (o) =>
        o !== p &&
        o.location === p.location &&
        this.free(o) &&
        t - o.lastTalk >= this.settings.chatCooldownMinutes / 1440 - 1e-9,
    );
    if (around.length === 0) return false;
    const rng = Rng.of(this.settings.seed, 'chat', this.day, this.tick, p.def.name);
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
        news: this.news.get(p.town) ?? [],
        placeName: this.geo.nameOf(p.location),
        summaryOnly: this.summaryOnly,
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
      this.record(
        me,
        'chat',
        'chat',
        t,
        `${me.def.name} talked with ${them.def.name} at ${this.geo.nameOf(me.location)} about ${out.topic}; ${out.warm ? 'it went well' : 'it ended in a quarrel'}.`,
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
      this.remember(
        me,
        t,
        'conversation',
        `Talked with ${them.def.name} at ${this.geo.nameOf(me.location)} about ${out.topic}; ${out.warm ? 'it went well' : 'we quarrelled'}.`,
        Math.abs(out.delta) / 2,
      );
    }
    return true;
  }

  private meet(members: ResidentState[], where: string, t: number): void {
    const town = this.geo.location(where)?.town as TownId;
    const scripted = this.scripted.find(
      (e) =>
        e.day === this.day &&
        e.location === where &&
        this.ticks.hourOf(this.tick) >= e.from_hour &&
        this.ticks.hourOf(this.tick) < e.to_hour,
    );
    const rng = Rng.of(this.settings.seed, 'meeting', this.day, this.tick, where);
    // Pirates and the people they besiege do not part friends; each side closes ranks.
    const hostile = scripted?.kind === 'siege';
    const delta = hostile ? -(3 + rng.int(0, 3)) : rng.chance(0.85) ? 1 + rng.int(0, 1) : -1;
    const deltaFor = (a: ResidentState, b: ResidentState) =>
      hostile && a.def.town === b.def.town ? 2 : delta;
    const topic = scripted
      ? scripted.text
      : (this.news.get(town)?.[0] ?? `the affairs of ${this.geo.townName(town)}`);
    const names = members.map((m) => m.def.name);
    const summary = `${names.length} people met at ${this.geo.nameOf(where)} about ${topic.replace(/[.!]+$/, '')}; ${delta > 0 ? 'they parted on good terms' : 'tempers flared'}.`;
    const transcript = this.summaryOnly
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
      this.record(
        m,
        'meeting',
        'meeting',
        t,
        `${m.def.name} met ${listNames(others)} at ${this.geo.nameOf(where)} about ${topic.replace(/[.!]+$/, '')}.`,
        { with: others.join(', '), conversation: conversation.id, people: names.length, delta },
        false,
        others,
      );
      this.remember(m, t, 'conversation', summary, Math.abs(delta));
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
      id: `d${this.day}-t${this.tick}-${kind}-${this.log.conversations.length + 1}`,
      kind,
      t,
      day: this.day,
      hour: this.ticks.hourOf(this.tick),
      town: first.town,
      location: first.location,
      participants: members.map((m) => m.def.name),
      topic,
      transcript,
      summary,
      delta,
    };
    this.log.conversations.push(conversation);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] as ResidentState;
        const b = members[j] as ResidentState;
        this.relationships.adjust(a.def.name, b.def.name, deltaFor(a, b), summary, this.log.changes);
      }
    }
    for (const m of members) m.lastTalk = t;
    return conversation;
  }

  // --- Inner life -------------------------------------------------------------------------------

  private reflect(p: ResidentState, t: number): void {
    const top = p.memory.retrieve(`${p.def.persona} ${Object.keys(p.def.interests).join(' ')}`, t, 5);
    const talks = this.log.changes.filter((c) => c.a === p.def.name || c.b === p.def.name);
    const parts: string[] = [];
    const best = talks.reduce<RelationshipChange | undefined>(
      (m, c) => (!m || c.after - c.before > m.after - m.before ? c : m),
      undefined,
    );
    const worst = talks.reduce<RelationshipChange | undefined>(
      (m, c) => (!m || c.after - c.before < m.after - m.before ? c : m),
      undefined,
    );
    if (best && best.after > best.before)
      parts.push(`${best.a === p.def.name ? best.b : best.a} and I are getting on better.`);
    if (worst && worst.after < worst.before)
      parts.push(`I should make peace with ${worst.a === p.def.name ? worst.b : worst.a}.`);
    const weighty = top.filter((m) => m.kind !== 'plan').sort((a, b) => b.importance - a.importance)[0];
    if (weighty) parts.push(`What stays with me: ${weighty.text.replace(/[.]+$/, '').toLowerCase()}.`);
    if (p.task.done > 0)
      parts.push(`${p.task.name} is ${Math.round((100 * p.task.done) / p.task.total)}% done.`);
    const text = `Reflecting on day ${this.day}: ${parts.join(' ') || 'a day like any other.'}`;
    this.remember(p, t, 'reflection', text);
    p.memory.pendingImportance = 0;
    this.record(
      p,
      'reflect',
      'reflect',
      t,
      `${p.def.name} reflected: ${parts[0] ?? 'a day like any other.'}`,
      {},
    );
  }

  private updateTask(p: ResidentState, t: number): void {
    const rng = Rng.of(this.settings.seed, 'task', this.day, p.def.name);
    p.task.done = progressed(p.task, rng.int(1, 3));
    const finished = p.task.done >= p.task.total;
    const name = p.task.name;
    this.record(
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
      this.remember(p, t, 'task', `Finished ${name}.`, 2);
      const n = (this.tasksDone.get(p.def.name) ?? 0) + 1;
      this.tasksDone.set(p.def.name, n);
      p.task = newTask(this.tasks, p.def, n);
    }
  }

  private remember(p: ResidentState, t: number, kind: MemoryKind, text: string, weight = 0): void {
    const memory: Memory = {
      id: ++this.memoryIds,
      resident: p.def.name,
      t,
      lastAccess: t,
      kind,
      text,
      importance: importanceOf(kind, text, weight),
    };
    p.memory.add(memory);
    this.log.memories.push(memory);
  }

  // --- Records ----------------------------------------------------------------------------------

  private record(
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
      p.actedAt = this.tick;
      p.actionsToday++;
      p.doing = activity;
    }
    const category: Category =
      kind === 'move' || kind === 'travel' || kind === 'arrive'
        ? 'travel'
        : (this.categories.get(activity) ?? 'wellness');
    const action: Action = {
      seq: ++this.seq,
      t,
      day: this.day,
      // The moves home at day's end happen at the end hour, whatever the ticks' length.
      hour: Math.min(this.ticks.hourOf(this.tick), this.settings.endHour),
      tick: this.tick,
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
    this.log.actions.push(action);
    const queue = this.pending.get(action.town) ?? [];
    queue.push(action);
    this.pending.set(action.town, queue);
  }

  /** A relative who lives in another town. */
  private relativeAway(p: ResidentState): ResidentDef | undefined {
    for (const name of Object.values(p.def.family ?? {})) {
      const other = this.byName.get(name);
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
