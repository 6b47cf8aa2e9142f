/** POST /api/ask: a question about the history in, an answer with its citations out. */
import { z } from 'zod';
import { MAX_QUESTION_CHARS } from '../../agent/agent.ts';
import type { App, AppOptions } from '../app.ts';

/** Checked strictly (the app coerces query strings, which would turn a number into a question). */
const AskBody = z.strictObject({
  question: z
    .string()
    .max(MAX_QUESTION_CHARS, `at most ${MAX_QUESTION_CHARS} characters`)
    .refine((q) => q.trim() !== '', 'must not be empty'),
  // offline: the planner answers even when a language model is configured.
  mode: z.enum(['auto', 'offline']).default('auto'),
});

export function askRoutes(app: App, { agent }: AppOptions): void {
  app.post('/api/ask', async (request, reply) => {
    const parsed = AskBody.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return reply.status(400).send({ error: `${where}${issue?.message ?? 'invalid'}` });
    }
    if (!agent) return reply.status(503).send({ error: 'asking is turned off on this aggregator' });
    return agent.ask(parsed.data.question, parsed.data.mode);
  });
}
