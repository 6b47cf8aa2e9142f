/** POST /api/updates: a town's bearer token, a valid batch, stored atomically or not at all. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type IncomingUpdate, normaliseInSlices, ValidationError } from '../../events/schema.ts';
import { ConflictError } from '../../store/store.ts';
import type { App, AppOptions } from '../app.ts';
import { bearer, townOfToken } from '../tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The town whose write token the request carries. */
    writer?: string;
  }
}

export function ingestRoutes(app: App, { tokens, world, ingest }: AppOptions): void {
  app.decorateRequest('writer', undefined);
  // The token is checked before the body is read: a stranger's body is never parsed.
  const authorise = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = bearer(request.headers.authorization);
    if (!token)
      return reply.status(401).send({ error: 'a town token is required: Authorization: Bearer <token>' });
    request.writer = townOfToken(tokens, token);
    if (!request.writer) return reply.status(401).send({ error: 'unknown token' });
  };

  app.post('/api/updates', { config: { access: 'town' }, onRequest: authorise }, async (request, reply) => {
    const writer = request.writer as string;

    let updates: IncomingUpdate[];
    try {
      updates = await normaliseInSlices(world, request.body);
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
