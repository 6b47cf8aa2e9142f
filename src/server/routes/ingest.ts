/** POST /api/updates: a town's bearer token, a valid batch, stored atomically or not at all. */
import { normalise, ValidationError } from '../../events/schema.ts';
import { ConflictError } from '../../store/store.ts';
import type { App, AppOptions } from '../app.ts';
import { bearer, townOfToken } from '../tokens.ts';

export function ingestRoutes(app: App, { tokens, world, ingest }: AppOptions): void {
  app.post('/api/updates', async (request, reply) => {
    const token = bearer(request.headers.authorization);
    if (!token)
      return reply.status(401).send({ error: 'a town token is required: Authorization: Bearer <token>' });
    const writer = townOfToken(tokens, token);
    if (!writer) return reply.status(401).send({ error: 'unknown token' });

    let updates: ReturnType<typeof normalise>;
    try {
      updates = normalise(world, request.body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply
        .status(400)
        .send(
          error.index === undefined ? { error: error.message } : { error: error.message, index: error.index },
        );
    }
    const foreign = updates.findIndex((u) => u.town !== writer);
    if (foreign >= 0) {
      return reply.status(403).send({
        error: `the token of ${writer} may not write updates of ${updates[foreign]?.town}`,
        index: foreign,
      });
    }
    try {
      const result = await ingest.accept(updates);
      return {
        stored: result.stored,
        duplicates: result.duplicates,
        events: result.events.length,
        last_event_id: result.events.at(-1)?.id ?? null,
      };
    } catch (error) {
      if (error instanceof ConflictError) return reply.status(409).send({ error: error.message });
      throw error;
    }
  });
}
