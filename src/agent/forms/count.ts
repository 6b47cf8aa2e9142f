/** "How many raids last week?": how many times something happened, with the latest few. */
import { escapeRegExp } from '../../world/text.ts';
import { capitalise, times } from '../format.ts';
import { daysPhrase } from '../time.ts';
import type { Happening } from '../vocabulary.ts';
import {
  EVENTS_COUNTED,
  type Form,
  happeningOf,
  happeningTown,
  line,
  rangeOf,
  tradeFieldsOf,
  whereOf,
  whole,
} from './shared.ts';

export const count: Form = {
  name: 'count',
  matches(q) {
    const h = q.happening;
    // "On average, how many repairs a day": an average, not a count.
    if (q.aggregate === 'mean' && q.metrics.length > 0) return false;
    // "How many repairs" counts the repairs; "how many crates were shipped" adds up crates.
    // The happening's own words are not a unit: "how many trips came back with empty nets".
    // "How many mm of rain": the amount, in the number's own unit.
    if (q.metrics.some((m) => new RegExp(`\\bhow many ${escapeRegExp(m.unit)}\\b`).test(q.text)))
      return false;
    if (h && /\bhow many\b/.test(q.text)) {
      const rest = q.text.replace(new RegExp(h.words.source, 'g'), ' ');
      if (!q.metrics.some((m) => m.key !== h.metric && new RegExp(`\\b${m.unit}\\b`).test(rest))) return true;
    }
    if (EVENTS_COUNTED.test(q.text) && q.metrics.length > 0 && !/\bin all\b|\btotal\b/.test(q.text))
      return true;
    // "Empty-net trips at the port last week?": a count, tersely.
    if (
      h &&
      /^(\w+[- ]){1,3}(trips|shifts|raids|readings|hauls|robberies|reports)\b/.test(q.core) &&
      !/\bin all\b|\btotal\b/.test(q.text)
    )
      return true;
    return q.aggregate === 'count' && (q.happening !== undefined || q.metrics.length > 0);
  },
  async answer(q, ctx) {
    const h = happeningOf(q, ctx) as Happening;
    const town = happeningTown(h, q, ctx);
    const range = whole(ctx);
    const found = await ctx.tools.occurrences({
      happening: h,
      town,
      range,
      limit: 100_000,
      ...(town ? tradeFieldsOf(h, [town], q.text, ctx.vocab) : {}),
    });
    const where = whereOf(ctx, h, town);
    const examples = found.events.slice(-3).map((e) => line(ctx, e, !town));
    const answer =
      found.count === 0
        ? `None: ${h.phrase.replace(/^(the|a) /, 'no ')}${where} on ${daysPhrase(range)} (0 times).`
        : `${capitalise(h.phrase)}${where} ${times(found.count)} on ${daysPhrase(range)}. The latest: ${examples.join(' · ')}`;
    return { answer, citations: found.citations, understood: { happening: h.name, ...rangeOf(range) } };
  },
};
