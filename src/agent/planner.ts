/**
 * The offline planner: a question → its form (what happened, how much, did it, when, which town,
 * which day, who, compare, both on the same day, find; forms/ holds one module each) → the tools
 * that answer it → a short answer with exact numbers, the days it covers, and the events it rests
 * on. No model, no network.
 */
import { list } from './format.ts';
import { FORMS } from './forms/index.ts';
import type { PlannerContext, Understood } from './forms/shared.ts';
import { sayNumber } from './numbers.ts';
import { parseQuestion } from './question.ts';

export type { PlannerContext, Understood };

export interface Answer {
  answer: string;
  /** Ids of the events that hold what the answer states. */
  citations: number[];
  understood: Understood;
}

export async function answerOffline(question: string, ctx: PlannerContext): Promise<Answer> {
  const { vocab, history } = ctx;
  const q = parseQuestion(question, ctx.today, ctx.actors, vocab);
  const plain = (form: string, answer: string): Answer => ({ answer, citations: [], understood: { form } });
  if (!history)
    return plain('empty', 'Nothing has been recorded yet: no town has reported to this aggregator.');
  if (q.unknownPlace && q.towns.length === 0)
    return plain(
      'unknown place',
      `${q.unknownPlace} is not one of the ${sayNumber(vocab.towns.length)} towns. The history holds ${list(vocab.towns.map((t) => t.name))}.`,
    );
  // "How many fish will they catch?": what has not happened yet is not in the history.
  if (
    !q.time &&
    // The question proper's "will", not the speaker's ("I will ask once more: …").
    /\b(will|going to|forecast|predict(ed|ion)?|expect(ed)?|upcoming)\b/.test(q.core) &&
    (q.metrics.length > 0 || q.happening !== undefined || q.towns.length > 0)
  )
    return plain(
      'future',
      `That has not happened yet: the history runs from day ${history.from} to today, day ${ctx.today}, and holds no forecasts.`,
    );
  let range: { from: number; to: number } | undefined;
  if (q.time) {
    const { from, to } = q.time.range;
    if (from > ctx.today)
      return plain(
        'future',
        `${from === to ? `Day ${from} has` : `Days ${from}–${to} have`} not come yet: the history runs up to today, and what has not happened yet is not in it.`,
      );
    if (to < history.from)
      return plain(
        'before history',
        `The history starts on day ${history.from}; there is nothing before it.`,
      );
    range = { from: Math.max(from, history.from), to: Math.min(to, ctx.today) };
  }
  const formCtx = { ...ctx, history, range };
  const form = FORMS.find((f) => f.matches(q, formCtx)) ?? (FORMS.at(-1) as (typeof FORMS)[number]);
  const answer = await form.answer(q, formCtx);
  return {
    ...answer,
    understood: {
      ...answer.understood,
      form: form.name,
      ...(q.actor ? { actor: q.actor } : {}),
    },
  };
}
