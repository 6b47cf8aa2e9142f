/**
 * POST /api/query: a typed query over the world's declared numbers, kinds and fields in, its
 * result with the events it rests on out. Validated strictly against the world: a name the world
 * does not declare gets 400 naming the field that holds it.
 */
import { catalogOf } from '../../query/catalog.ts';
import { type Query, queryProblems, querySchema } from '../../query/query.ts';
import { runQuery } from '../../query/run.ts';
import { worldTimeOf } from '../../world/clock.ts';
import type { App, AppOptions } from '../app.ts';

export function queryRoutes(app: App, { store, world, clock }: AppOptions): void {
  const catalog = catalogOf(world);
  const schema = querySchema(catalog);
  app.post('/api/query', async (request, reply) => {
    const parsed = schema.safeParse(request.body);
    if (!parsed.success) {
      const problems = queryProblems(parsed.error);
      return reply.status(400).send({ error: problems.join('; '), problems });
    }
    const today = worldTimeOf(clock.now()).day;
    const started = performance.now();
    const result = await runQuery(parsed.data as Query, { store, catalog, today });
    return {
      query: parsed.data,
      today,
      result,
      took_ms: Math.round((performance.now() - started) * 10) / 10,
    };
  });
}
