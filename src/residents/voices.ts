/**
 * Conversations in a language model's words. What happened is already decided offline — who
 * talked, where, about what, and how it went — so the world stays deterministic; the model (any
 * OpenAI-compatible chat endpoint, configured as for asking) only writes the lines, at most
 * `--max-concurrent-chats` at once. A reply that is late or not in the asked shape leaves the
 * offline lines in place, and says why.
 */
import pLimit from 'p-limit';
import { z } from 'zod';
import { type ChatModel, ModelError } from '../agent/chat-model.ts';
import { hasControlCharacters } from '../events/schema.ts';
import type { Conversation, ResidentDef } from '../world/residents/types.ts';

const MAX_LINES = 8;
const MAX_LINE_CHARS = 300;

const LinesSchema = z.object({
  lines: z
    .array(
      z
        .string()
        .min(3)
        .max(MAX_LINE_CHARS)
        .refine((l) => !hasControlCharacters(l), 'no control characters'),
    )
    .min(2)
    .max(MAX_LINES),
});

const SYSTEM = `You write short dialogue for the residents of Chronicle, a small world of four towns: a port, river farms, a mountain mining town and a pirates' island. You are told who talks, where, their personas and interests, the topic, and how the talk goes. Keep to that outcome. Reply with JSON only: {"lines": ["Name: what they say", ...]} with 3 to 6 lines, each starting with the speaker's name and a colon.`;

export interface VoicesResult {
  written: number;
  failed: string[];
}

export class ModelVoices {
  private readonly people: Map<string, ResidentDef>;

  constructor(
    private readonly model: ChatModel,
    residents: readonly ResidentDef[],
    private readonly concurrency: number,
  ) {
    this.people = new Map(residents.map((r) => [r.name, r]));
  }

  /** Rewrite the conversations' transcripts in place; the ones that fail keep their offline lines. */
  async rewrite(conversations: Conversation[]): Promise<VoicesResult> {
    const limit = pLimit(this.concurrency);
    const result: VoicesResult = { written: 0, failed: [] };
    await Promise.all(
      conversations.map((c) =>
        limit(async () => {
          try {
            c.transcript = await this.write(c);
            result.written++;
          } catch (error) {
            result.failed.push(`${c.id}: ${(error as Error).message}`);
          }
        }),
      ),
    );
    return result;
  }

  private async write(c: Conversation): Promise<string[]> {
    const brief = {
      kind: c.kind,
      place: c.location,
      town: c.town,
      day: c.day,
      hour: c.hour,
      topic: c.topic,
      outcome: c.delta > 0 ? 'friendly: they get on' : 'a quarrel: they part on bad terms',
      summary: c.summary,
      people: c.participants.map((name) => {
        const p = this.people.get(name);
        return { name, job: p?.job, persona: p?.persona, interests: Object.keys(p?.interests ?? {}) };
      }),
    };
    const reply = await this.model.complete(
      [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: JSON.stringify(brief) },
      ],
      [],
      AbortSignal.timeout(this.model.config.timeoutMs),
    );
    let body: unknown;
    try {
      // Some models wrap JSON in a code fence.
      body = JSON.parse((reply.content ?? '').replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
    } catch {
      throw new ModelError('the reply is not JSON');
    }
    const parsed = LinesSchema.safeParse(body);
    if (!parsed.success)
      throw new ModelError(`the reply is not {"lines": [...]}: ${parsed.error.issues[0]?.message}`);
    return parsed.data.lines.map((l) => l.trim());
  }
}
