/** GET /api/search: hybrid, semantic or keyword search over the whole history, with filters. */
import type { SearchMode } from '../../search/search.ts';
import { type SearchOrder, SearchUnavailableError } from '../../search/service.ts';
import type { App, AppOptions } from '../app.ts';
import { DAY } from './params.ts';

interface SearchQuerystring {
  q: string;
  town?: string;
  kind?: string;
  from_day?: number;
  to_day?: number;
  k: number;
  mode: SearchMode;
  order: SearchOrder;
}

export function searchRoutes(app: App, { search, world }: AppOptions): void {
  app.get<{ Querystring: SearchQuerystring }>(
    '/api/search',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['q'],
          properties: {
            q: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
            town: { type: 'string', enum: world.ids },
            kind: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,31}$' },
            from_day: DAY,
            to_day: DAY,
            k: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
            mode: { type: 'string', enum: ['hybrid', 'semantic', 'keyword'], default: 'hybrid' },
            order: { type: 'string', enum: ['relevance', 'time'], default: 'relevance' },
          },
        },
      },
    },
    async (request, reply) => {
      if (!search)
        return reply.status(503).send({ error: 'search is turned off on this aggregator (--no-search)' });
      const q = request.query;
      if (q.from_day !== undefined && q.to_day !== undefined && q.from_day > q.to_day) {
        return reply.status(400).send({ error: `from_day (${q.from_day}) is after to_day (${q.to_day})` });
      }
      return search
        .search({
          q: q.q,
          town: q.town,
          kind: q.kind,
          fromDay: q.from_day,
          toDay: q.to_day,
          k: q.k,
          mode: q.mode,
          order: q.order,
        })
        .catch((error: Error) => {
          if (!(error instanceof SearchUnavailableError)) throw error;
          return reply.status(503).send({ error: `semantic search is unavailable: ${error.message}` });
        });
    },
  );
}
