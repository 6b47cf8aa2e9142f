/**
 * GET /api/world: the world's seed and clock, its towns as declared (colour, place, routes, the
 * numbers their events carry), the charts that draw them, their latest news and any gaps.
 */

import type { ClockResponse, WorldResponse } from '../../events/contracts.ts';
import { worldTimeOf } from '../../world/clock.ts';
import { describeWorld } from '../../world/describe.ts';
import { MAP_SIZE } from '../../world/map.ts';
import type { App, AppOptions } from '../app.ts';

export function worldRoutes(app: App, { store, world, worldFile, clock }: AppOptions): void {
  app.get('/api/clock', async (): Promise<ClockResponse> => {
    const t = clock.now();
    return {
      id: worldFile.id,
      seed: worldFile.seed,
      t,
      ...worldTimeOf(t),
      speed: clock.clock.speed,
      seconds_per_day: clock.clock.secondsPerDay,
      last_event_id: await store.lastEventId(),
    };
  });

  app.get('/api/world', async (): Promise<WorldResponse> => {
    const description = describeWorld(world);
    const stats = await store.stats();
    const t = clock.now();
    const byTown = new Map(stats.towns.map((s) => [s.town, s]));
    return {
      id: worldFile.id,
      seed: worldFile.seed,
      seconds_per_day: clock.clock.secondsPerDay,
      speed: clock.clock.speed,
      t,
      ...worldTimeOf(t),
      events_total: stats.events_total,
      updates_total: stats.updates_total,
      last_event_id: stats.last_event_id,
      map: MAP_SIZE,
      towns: description.towns.map((town) => {
        const s = byTown.get(town.id);
        return {
          ...town,
          updates: s?.updates ?? 0,
          events: s?.events ?? 0,
          last_seq: s?.last_seq ?? 0,
          last_ts: s?.last_ts ?? null,
          last_day: s?.last_day ?? null,
          last_hour: s?.last_hour ?? null,
          headline: s?.headline ?? null,
          gaps: s?.gaps ?? [],
        };
      }),
      charts: description.charts,
      sequence_gaps: Object.fromEntries(
        stats.towns.filter((s) => s.gaps.length > 0).map((s) => [s.town, s.gaps]),
      ),
    };
  });
}
