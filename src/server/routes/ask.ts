/** POST /api/ask: a question about the history in, an answer with its citations out. */
import { MAX_QUESTION_CHARS } from '../../agent/agent.ts';
import type { App, AppOptions } from '../app.ts';

interface AskBody {
  question: string;
  mode: 'auto' | 'offline';
}

export function askRoutes(app: App, { agent }: AppOptions): void {
  app.post<{ Body: AskBody }>(
    '/api/ask',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['question'],
          properties: {
            question: { type: 'string', minLength: 1, maxLength: MAX_QUESTION_CHARS, pattern: '\\S' },
            // offline: the planner answers even when a language model is configured.
            mode: { type: 'string', enum: ['auto', 'offline'], default: 'auto' },
          },
        },
      },
    },
    async (request, reply) => {
      if (!agent) return reply.status(503).send({ error: 'asking is turned off on this aggregator' });
      return agent.ask(request.body.question, request.body.mode);
    },
  );
}
