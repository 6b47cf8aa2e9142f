/**
 * "When did two towns both have a big day?": the days on which each side held, a side being a
 * happening or a big day (the top quarter) of a number, the town's main product by default.
 */
import { amount, list } from '../format.ts';
import { daysPhrase } from '../time.ts';
import type { Happening, Metric } from '../vocabulary.ts';
import { type Form, names, RUNNING_RECORD, rangeOf, WHETHER, whole } from './shared.ts';

/** Words that ask for a big day rather than the literal happening of that name. */
const BIG_DAY = /\b(surplus(es)?|record|large|big|bumper|good|great|high)\b/;

export const both: Form = {
  name: 'both',
  matches: (q) =>
    (/\bboth\b|\bsame day\b|\btogether\b/.test(q.text) ||
      // "A day when the farms set a new record for flour and the mines one for metal".
      (RUNNING_RECORD.test(q.text) && /\bdays?\b/.test(q.text))) &&
    (q.towns.length >= 2 || q.metrics.length >= 2),
  async answer(q, ctx) {
    const range = whole(ctx);
    const towns = q.towns.length >= 2 ? q.towns : q.metrics.map((m) => m.towns[0] as string);
    const bigDay =
      BIG_DAY.test(q.text) || RUNNING_RECORD.test(q.text) || (!q.happening && q.metrics.length === 0);
    // "A new record": a day above every earlier day; "record amounts": each town's best day of
    // the range; either, not any of its big days.
    const record = RUNNING_RECORD.test(q.text)
      ? 'running'
      : /\brecords?\b(?! (of|on)\b)/.test(q.text) && !/\brecorded\b/.test(q.text)
        ? 'best'
        : undefined;
    const sides = towns.map((town, i): { town: string; metric?: Metric; happening?: Happening } => {
      // "A surplus", "a fine haul": the town's own flag of that name, where it declares one.
      const flagged = record
        ? undefined
        : ctx.vocab.happenings.find((h) => h.flag && h.towns.includes(town) && h.words.test(q.text));
      if (flagged) return { town, happening: flagged };
      const metric =
        q.metrics.find((m, j) => j === i && m.towns.includes(town)) ??
        q.metrics.find((m) => m.towns.length === 1 && m.towns[0] === town) ??
        (q.metrics.length === 1 && q.metrics[0]?.towns.includes(town) ? q.metrics[0] : undefined);
      if (metric && !metric.sensor) return { town, metric };
      if (!bigDay && q.happening) return { town, happening: q.happening };
      return { town, metric: ctx.vocab.mainOf(town) };
    });
    const r = await ctx.tools.sharedDays({ sides, range, record });
    const name = (t: string) => ctx.vocab.name(t);
    const rule = r.sides
      .map((s, i) => {
        const metric = sides[i]?.metric;
        if (s.threshold === undefined)
          return `${name(s.town)}: ${s.what} on ${s.days} ${s.days === 1 ? 'day' : 'days'}`;
        if (!metric || !Number.isFinite(s.threshold)) return `${name(s.town)}: no ${s.what} at all`;
        return `${name(s.town)}: ${s.what} at least ${amount(metric, s.threshold)} (${s.days} days)`;
      })
      .join('; ');
    const usesBigDays = r.sides.some((s) => s.threshold !== undefined);
    const shown =
      r.days.length > 20
        ? `${r.days
            .slice(0, 20)
            .map((d) => `day ${d}`)
            .join(', ')} and ${r.days.length - 20} more`
        : list(r.days.map((d) => `day ${d}`));
    // "Were there days when both …?" is answered yes or no first.
    const verdict = WHETHER.test(q.core) ? (r.days.length ? 'Yes: ' : 'No: ') : '';
    const answer = r.days.length
      ? `${verdict}${names(ctx, towns)} both did on ${r.days.length} ${r.days.length === 1 ? 'day' : 'days'} of ${daysPhrase(range)}: ${shown}.`
      : `${verdict || 'None: '}on no day of ${daysPhrase(range)} did both (0 days).`;
    return {
      answer: `${answer} ${record === 'running' ? 'A record day is one above every earlier day: ' : usesBigDays ? (record ? "A record day is the town's best day of the range: " : 'A big day is one in the top quarter of the days the town produced any: ') : 'Counted: '}${rule}.`,
      citations: r.citations,
      understood: { towns, ...rangeOf(range) },
    };
  },
};
