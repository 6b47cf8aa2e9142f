/**
 * What a resident does with a tick of their agenda: go where it says and work, work on their task,
 * reflect, have a meal or a stroll (with a chat, while the tick has room for one), or rest; when
 * the place is full or closed they make do where they are.
 */
import { Rng } from '../rng.ts';
import { type Context, type ResidentState, record, rest } from './context.ts';
import { chat } from './conversation.ts';
import { REFLECT_AT, reflect, remember } from './reflection.ts';
import { newTask, progressed } from './tasks.ts';
import { depart, moveTo } from './travel.ts';
import type { Slot } from './types.ts';

/** Do a slot of the agenda; `talked` counts a chat against the tick's budget, null when it is spent. */
export function act(
  ctx: Context,
  p: ResidentState,
  slot: Slot,
  t: number,
  talked: (() => void) | null,
): void {
  const target = ctx.geo.location(slot.location);
  // Plans made for another town (a trip that did not happen) fall back to a walk here.
  if (slot.activity !== 'journey' && target && target.town !== p.town) {
    goAndDo(
      ctx,
      p,
      { ...slot, activity: 'stroll', location: ctx.geo.placeIn(p.town, 'square')?.id ?? p.location },
      t,
      talked,
    );
    return;
  }
  if (slot.activity === 'journey') {
    if (target && target.town !== p.town) depart(ctx, p, target, t);
    else goAndDo(ctx, p, { ...slot, activity: 'rest' }, t, talked);
    return;
  }
  goAndDo(ctx, p, slot, t, talked);
}

/** Go to the slot's place and do what it says there. */
function goAndDo(ctx: Context, p: ResidentState, slot: Slot, t: number, talked: (() => void) | null): void {
  if (p.location !== slot.location && !moveTo(ctx, p, slot.location, t, ctx.tick)) {
    // Full or closed: make do where they are.
    const place = ctx.geo.location(slot.location);
    const why = place && !ctx.geo.isOpen(place, ctx.ticks.hourOf(ctx.tick)) ? 'was closed' : 'was full';
    const here = p.location === p.def.home ? 'home' : ctx.geo.nameOf(p.location);
    record(
      ctx,
      p,
      'rest',
      'wait',
      t,
      `${p.def.name} stayed at ${here}: ${ctx.geo.nameOf(slot.location)} ${why}.`,
      { wanted: slot.location },
    );
    return;
  }
  switch (slot.activity) {
    case 'work':
      record(ctx, p, 'work', 'work', t, `${p.def.name} worked at ${ctx.geo.nameOf(p.location)}.`, {});
      break;
    case 'task':
      updateTask(ctx, p, t);
      break;
    case 'reflect':
      if (p.memory.pendingImportance >= REFLECT_AT) reflect(ctx, p, t);
      else rest(ctx, p, t);
      break;
    case 'meal':
    case 'stroll':
    case 'meeting':
      if (talked && chat(ctx, p, slot, t)) talked();
      else
        record(
          ctx,
          p,
          slot.activity === 'meal' ? 'meal' : 'stroll',
          'wait',
          t,
          `${p.def.name} ${slot.activity === 'meal' ? 'had a meal' : 'took a stroll'} at ${ctx.geo.nameOf(p.location)}.`,
          {},
        );
      break;
    default:
      rest(ctx, p, t);
  }
}

/** Some steps further on the task in hand; a finished one is remembered and the next one taken up. */
function updateTask(ctx: Context, p: ResidentState, t: number): void {
  const rng = Rng.of(ctx.settings.seed, 'task', ctx.day, p.def.name);
  p.task.done = progressed(p.task, rng.int(1, 3));
  const finished = p.task.done >= p.task.total;
  const name = p.task.name;
  record(
    ctx,
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
    remember(ctx, p, t, 'task', `Finished ${name}.`, 2);
    const n = (ctx.tasksDone.get(p.def.name) ?? 0) + 1;
    ctx.tasksDone.set(p.def.name, n);
    p.task = newTask(ctx.tasks, p.def, n);
  }
}
