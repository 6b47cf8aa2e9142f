/**
 * Which of a town's events are news: what the whole town hears about, not only whoever was there.
 * The towns declare it: kinds that are always news (a raid, a robbery) and flags marked `news` (a
 * storm, a flooded mine), read from the event's data, never from its words.
 */
import type { TownEvent } from '../types.ts';
import type { World } from '../world.ts';

export interface News {
  kinds: ReadonlySet<string>;
  flags: readonly string[];
}

const known = new WeakMap<World, News>();

export function newsOf(world: World): News {
  let news = known.get(world);
  if (!news) {
    const { kinds } = world;
    news = {
      kinds: new Set(kinds.filter((k) => k.news).map((k) => k.kind)),
      flags: kinds.flatMap((k) => (k.flags ?? []).filter((f) => f.news).map((f) => f.key)),
    };
    known.set(world, news);
  }
  return news;
}

export function isNews(news: News, e: TownEvent): boolean {
  return news.kinds.has(e.kind) || news.flags.some((flag) => Number(e.data[flag]) >= 1);
}
