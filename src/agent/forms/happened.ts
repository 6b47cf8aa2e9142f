/** "What happened on day 12?": each town's totals of its jobs, and its news of the day. */
import type { StoredEvent } from '../../store/store.ts';
import { amount } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { roundTo } from '../tools.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { type Form, names, rangeOf, today } from './shared.ts';

const ASKS =
  /\bhappen(ed|ing)?\b|\bgo(ing)? on\b|\bwent on\b|\bnews\b|\bsummar(y|ise|ize)\b|\btell me about\b|\bhow was\b|\bwhat's new\b|\bwhat is new\b/;

export const happened: Form = {
  name: 'happened',
  matches: (q) => ASKS.test(q.text),
  async answer(q, ctx) {
    const range = today(ctx);
    const towns = q.towns.length ? q.towns : [...ctx.vocab.ids];
    const parts: string[] = [];
    const citations: number[] = [];
    for (const town of towns) {
      const { events } = await ctx.tools.listEvents({ town, range, limit: 20_000 });
      if (events.length === 0) continue;
      citations.push(...events.map((e) => e.id));
      const totals: string[] = [];
      // The town's own jobs first, then its trade.
      const metrics = [...ctx.vocab.metrics].sort((a, b) => Number(a.shared) - Number(b.shared));
      for (const m of metrics) {
        // Readings are not added up, nor are counts of what is in sight (the same ship sighted again and again).
        if (m.sensor || m.natural !== 'sum' || !m.towns.includes(town)) continue;
        const mine = events.filter((e) => e.kind === m.kind && typeof e.data[m.key] === 'number');
        // A town's own jobs are always accounted for, a quiet day's zero included.
        if (mine.length === 0 && m.towns.length > 1) continue;
        const sum = roundTo(
          mine.reduce((s, e) => s + (e.data[m.key] as number), 0),
          m.decimals,
        );
        totals.push(`${m.label} ${amount(m, sum, m.decimals, false)}`);
      }
      const highlights = newsOf(ctx.vocab, events)
        .slice(0, 3)
        .map((e) => (range.from === range.to ? e.text : `day ${e.day}: ${e.text}`));
      parts.push(
        `${ctx.vocab.name(town)}, ${daysPhrase(range)} (${events.length} events): ${totals.join('; ') || 'no work recorded'}.${highlights.length ? ` ${highlights.join(' ')}` : ''}`,
      );
    }
    return {
      answer: parts.length
        ? parts.join('\n')
        : `Nothing was recorded${q.towns.length ? ` in ${names(ctx, q.towns)}` : ''} on ${daysPhrase(range)}.`,
      citations,
      understood: { towns, ...rangeOf(range) },
    };
  },
};

/** A short question that names a town or a day and nothing else: what happened then. */
export const happenedInBrief: Form = {
  ...happened,
  matches: (q) => (q.towns.length > 0 || q.time !== undefined) && q.text.split(' ').length <= 6,
};

/**
 * What a town crier calls out first: a news kind's happening (a raid that brought gold, a robbed
 * shipment), then news flags (a storm, a flooded mine), other flags (an idle mill), then other
 * happenings (a repair, an arrival, a trade); the weather's own (rain) is not news.
 */
function newsOf(vocab: Vocabulary, events: readonly StoredEvent[]): StoredEvent[] {
  const weight = (e: StoredEvent): number => {
    const met = vocab.happenings.filter(
      (h) => h.kind === e.kind && (h.metric === undefined || Number(e.data[h.metric]) >= (h.min ?? 0)),
    );
    if (vocab.isNewsKind(e.kind)) return met.length > 0 ? 10 : 2;
    if (met.some((h) => h.flag && h.news)) return 6;
    if (met.some((h) => h.flag)) return 5;
    if (met.some((h) => !h.weather)) return 3;
    return 1;
  };
  const seen = new Set<string>();
  return [...events]
    .filter((e) => weight(e) > 1)
    .sort((a, b) => weight(b) - weight(a) || b.id - a.id)
    .filter((e) => {
      // One line per kind of news, so three highlights say three different things.
      const key = `${e.kind}:${weight(e)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
