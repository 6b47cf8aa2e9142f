/**
 * Residents moving: walking to a place in their town when it is open and has room, setting off on
 * a route to another town (unless a storm keeps them in) and arriving hours later.
 */
import { worldTimeOf } from '../clock.ts';
import { type Context, type ResidentState, record, rest } from './context.ts';
import { remember } from './reflection.ts';
import type { LocationDef, LocationKind, ScriptedEvent } from './types.ts';

/** Whether a scenario's storm blows over a town at world time `t`. */
export function stormAt(scripted: readonly ScriptedEvent[], town: string, t: number): boolean {
  const { day, hour } = worldTimeOf(t);
  return scripted.some(
    (e) =>
      e.kind === 'storm' &&
      e.day === day &&
      (!e.town || e.town === town) &&
      hour >= e.from_hour &&
      hour < e.to_hour,
  );
}

/** Walk to a place in the same town, if it is open and has room. */
export function moveTo(
  ctx: Context,
  p: ResidentState,
  to: string,
  t: number,
  tick: number,
  night = false,
): boolean {
  const where = ctx.geo.location(to);
  if (!where || where.town !== p.town || p.travel) return false;
  if (
    !night &&
    (!ctx.geo.isOpen(where, ctx.ticks.hourOf(tick)) || ctx.occupancy.occupants(to) >= where.capacity)
  )
    return false;
  const from = p.location;
  ctx.occupancy.leave(from);
  ctx.occupancy.enter(to);
  p.location = to;
  const text = to === p.def.home ? `${p.def.name} went home.` : `${p.def.name} went to ${where.name}.`;
  record(ctx, p, 'move', 'move', t, text, { from, to }, true);
  return true;
}

/** Set off for another town, if a route goes there and no storm keeps them in; they rest instead. */
export function depart(ctx: Context, p: ResidentState, target: LocationDef, t: number): void {
  const route = ctx.geo.route(p.town, target.town);
  if (!route || stormAt(ctx.scripted, p.town, t)) {
    rest(ctx, p, t);
    return;
  }
  ctx.occupancy.leave(p.location);
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
  record(
    ctx,
    p,
    'journey',
    'travel',
    t,
    `${p.def.name} set off from ${ctx.geo.townName(from)} for ${ctx.geo.townName(target.town)} by ${route.by}, ${route.hours} hours on the way.`,
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

/** The end of a journey: home, or the inn (the square when it is full) in a town they visit. */
export function arrive(ctx: Context, p: ResidentState, t: number): void {
  const travel = p.travel;
  if (!travel) return;
  p.travel = null;
  const home = travel.to === p.def.town;
  const at = home
    ? p.def.home
    : (roomIn(ctx, travel.to, 'tavern') ?? roomIn(ctx, travel.to, 'square') ?? p.def.home);
  p.location = at;
  ctx.occupancy.enter(at);
  record(
    ctx,
    p,
    'journey',
    'arrive',
    t,
    `${p.def.name} arrived in ${ctx.geo.townName(travel.to)} from ${ctx.geo.townName(travel.from)} after ${travel.hours} hours by ${travel.by}.`,
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
    remember(ctx, p, t, 'observation', `Travelled to ${ctx.geo.townName(travel.to)} by ${travel.by}.`);
}

/** A place of that kind in a town with room to spare. */
function roomIn(ctx: Context, town: string, kind: LocationKind): string | undefined {
  const l = ctx.geo.placeIn(town, kind);
  return l && ctx.occupancy.occupants(l.id) < l.capacity ? l.id : undefined;
}
