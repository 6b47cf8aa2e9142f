/**
 * Saving and restoring the residents' engine between two days: where everyone is or is headed, the
 * task in hand, the memories still in reach, relationships and the towns' news, and the counters
 * that number actions and memories.
 */
import type { TownId } from '../types.ts';
import type { Context, ResidentState } from './context.ts';
import type { Memory } from './types.ts';

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

/** The state between two days, to save; only valid when no day is half run. */
export function snapshotOf(ctx: Context): Snapshot {
  if (ctx.tick !== 0) throw new Error('a snapshot is taken between days');
  return {
    format: 1,
    day: ctx.day,
    seq: ctx.seq,
    memoryIds: ctx.memoryIds,
    people: ctx.people.map((p) => ({
      name: p.def.name,
      town: p.town,
      location: p.location,
      travel: p.travel,
      lastTalk: Number.isFinite(p.lastTalk) ? p.lastTalk : null,
      task: { ...p.task },
      tasksDone: ctx.tasksDone.get(p.def.name) ?? 0,
      pendingImportance: p.memory.pendingImportance,
      memories: p.memory.recent(),
    })),
    relationships: ctx.relationships.all(),
    news: Object.fromEntries(ctx.news),
  };
}

/**
 * Carry a freshly built engine's state on from a snapshot: residents it does not know, or whose
 * saved place no longer exists, start afresh; ones it knows but the config lacks are gone.
 */
export function restoreInto(ctx: Context, snap: Snapshot): void {
  ctx.seq = snap.seq;
  ctx.memoryIds = snap.memoryIds;
  for (const saved of snap.people) {
    const p = ctx.byName.get(saved.name);
    if (!p || (!saved.travel && !ctx.geo.has(saved.location))) continue;
    ctx.occupancy.leave(p.location);
    Object.assign(p, {
      town: saved.town,
      location: saved.location,
      travel: saved.travel,
      task: saved.task,
    });
    p.lastTalk = saved.lastTalk ?? Number.NEGATIVE_INFINITY;
    if (p.location) ctx.occupancy.enter(p.location);
    ctx.tasksDone.set(p.def.name, saved.tasksDone);
    for (const m of saved.memories) p.memory.add(m);
    p.memory.pendingImportance = saved.pendingImportance;
  }
  for (const r of snap.relationships) {
    if (ctx.byName.has(r.a) && ctx.byName.has(r.b)) ctx.relationships.set(r.a, r.b, r.score);
  }
  for (const [town, items] of Object.entries(snap.news)) ctx.news.set(town, [...items]);
}
