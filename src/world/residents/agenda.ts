/**
 * A resident's agenda for a day, one slot a tick: work in the workplace's opening hours, a meal at
 * noon, the last hour of work for the task at hand, an evening out as their sociability has it,
 * the town's meeting every few days, reflection to close the day, sometimes a journey, and what
 * the day's scripted events ask of them.
 */
import { Rng } from '../rng.ts';
import type { TownId } from '../types.ts';
import type { Geography } from './geography.ts';
import type { ResidentDef, RunSettings, ScriptedEvent, Slot } from './types.ts';

/** Places a storm empties. */
const OUTDOORS = new Set(['dock', 'fields', 'square']);
/** Every town meets about one day in three. */
const MEETING_CHANCE = 1 / 3;

/** When the ticks of a day fall. */
export class Ticks {
  readonly perDay: number;

  constructor(private readonly settings: Pick<RunSettings, 'startHour' | 'endHour' | 'tickMinutes'>) {
    this.perDay = Math.ceil(((settings.endHour - settings.startHour) * 60) / settings.tickMinutes);
  }

  hourOf(tick: number): number {
    return this.settings.startHour + (tick * this.settings.tickMinutes) / 60;
  }

  tickAt(hour: number): number {
    return Math.max(0, Math.round(((hour - this.settings.startHour) * 60) / this.settings.tickMinutes));
  }
}

export interface AgendaInput {
  seed: string;
  day: number;
  resident: ResidentDef;
  /** The town they wake up in. */
  town: TownId;
  /** A relative who lives in another town, whom they may visit. */
  relativeAway?: ResidentDef;
  scripted: readonly ScriptedEvent[];
  endHour: number;
}

interface Trip {
  to: TownId;
  tick: number;
  partner?: string;
}

export function planDay(input: AgendaInput, geo: Geography, ticks: Ticks): Slot[] {
  const { resident: me, day, seed } = input;
  const rng = Rng.of(seed, 'agenda', day, me.name);
  const home = me.town;
  const work = geo.location(me.workplace);
  const tavern = geo.placeIn(home, 'tavern');
  const square = geo.placeIn(home, 'square');
  const meetingDay = Rng.of(seed, 'meeting', day, home).chance(MEETING_CHANCE);
  const meetingTick = ticks.tickAt(input.endHour - 2);
  const lastTick = ticks.perDay - 1;

  let trip: Trip | null = null;
  // Away from home at dawn: the first thing is the way back.
  if (input.town !== home) trip = { to: home, tick: 0 };
  else if (rng.chance(0.05 + (me.roles.includes('trader') ? 0.1 : 0) + (input.relativeAway ? 0.08 : 0))) {
    const to = input.relativeAway?.town ?? geo.neighbourOf(home, rng);
    if (to) trip = { to, tick: rng.int(0, 2), partner: input.relativeAway?.name };
  }

  const slots: Slot[] = [];
  for (let tick = 0; tick < ticks.perDay; tick++) {
    const hour = ticks.hourOf(tick);
    let slot: Slot;
    if (tick === lastTick) slot = { tick, activity: 'reflect', location: me.home };
    else if (meetingDay && tick === meetingTick && square)
      slot = { tick, activity: 'meeting', location: square.id };
    else if (hour >= 12 && hour < 13) {
      const out = tavern && rng.chance(me.sociability) ? tavern : (geo.placeIn(home, 'market') ?? square);
      slot = { tick, activity: out === tavern ? 'meal' : 'stroll', location: out?.id ?? me.home };
    } else if (work && hour >= Math.max(work.open[0], 8) && hour < Math.min(work.open[1], 17)) {
      slot = { tick, activity: 'work', location: work.id };
    } else if (hour >= 17 && tavern && rng.chance(me.sociability * 0.8)) {
      slot = { tick, activity: 'meal', location: tavern.id };
    } else if (hour >= 17 && square && rng.chance(0.3)) {
      slot = { tick, activity: 'stroll', location: square.id };
    } else slot = { tick, activity: 'rest', location: me.home };
    slots.push(slot);
  }
  // The last hour of work is for taking stock of the task at hand.
  const lastWork = slots.filter((s) => s.activity === 'work').at(-1);
  if (lastWork) lastWork.activity = 'task';

  if (trip) planTrip(input, slots, trip, geo, ticks);
  for (const event of input.scripted) if (event.day === day) applyScript(input, slots, event, geo, ticks);
  return slots;
}

/** Set off at the trip's tick and spend the rest of the day at the destination's inn and market. */
function planTrip(input: AgendaInput, slots: Slot[], trip: Trip, geo: Geography, ticks: Ticks): void {
  const me = input.resident;
  const route = geo.route(input.town, trip.to);
  if (!route) return;
  if (ticks.hourOf(trip.tick) + route.hours > input.endHour - 1) return; // would arrive after dark: stay
  const inn = geo.placeIn(trip.to, 'tavern');
  const market = geo.placeIn(trip.to, 'market') ?? geo.placeIn(trip.to, 'square');
  for (const s of slots) {
    if (s.tick < trip.tick) continue;
    if (s.tick === trip.tick) {
      s.activity = 'journey';
      s.location = trip.to === me.town ? me.home : (inn?.id ?? market?.id ?? '');
      s.partner = trip.partner;
    } else if (trip.to === me.town) {
      // Home again: the rest of the day as planned.
    } else if (s.activity !== 'reflect') {
      const open = inn && geo.isOpen(inn, ticks.hourOf(s.tick));
      s.activity = open ? 'meal' : 'stroll';
      s.location = (open ? inn?.id : market?.id) ?? s.location;
      s.partner = trip.partner;
    } else s.location = inn?.id ?? s.location;
  }
}

function applyScript(
  input: AgendaInput,
  slots: Slot[],
  event: ScriptedEvent,
  geo: Geography,
  ticks: Ticks,
): void {
  const me = input.resident;
  const inSpan = (s: Slot) => ticks.hourOf(s.tick) >= event.from_hour && ticks.hourOf(s.tick) < event.to_hour;
  const meet = (s: Slot) => Object.assign(s, { activity: 'meeting', location: event.location });
  const here = !event.town || me.town === event.town;
  if (event.kind === 'storm' && here) {
    for (const s of slots) {
      const kind = geo.location(s.location)?.kind ?? '';
      if (inSpan(s) && (s.activity === 'journey' || s.activity === 'stroll' || OUTDOORS.has(kind)))
        Object.assign(s, { activity: 'rest', location: me.home, partner: undefined });
    }
  } else if (event.kind === 'gathering' && event.town && event.location && (here || event.who === 'all')) {
    if (!here) planTrip(input, slots, { to: event.town, tick: 0 }, geo, ticks);
    for (const s of slots) if (inSpan(s) && s.activity !== 'journey') meet(s);
  } else if (event.kind === 'siege' && event.town && event.location) {
    // The besiegers sail in at dawn; the town's people come out to face them.
    if (event.from ? me.town === event.from : geo.raiders.includes(me.town))
      planTrip(input, slots, { to: event.town, tick: 0 }, geo, ticks);
    else if (!here) return;
    for (const s of slots) if (inSpan(s) && s.activity !== 'journey') meet(s);
  }
}
