/** "How is the weather in the mountains today?": each weather reading's range (rain's total), and storms. */
import { WEATHER_METRICS } from '../../world/kinds.ts';
import { amount, fmt } from '../format.ts';
import { daysPhrase } from '../time.ts';
import type { Metric } from '../vocabulary.ts';
import { type Form, rangeOf, today, unique } from './shared.ts';

export const weather: Form = {
  name: 'weather',
  matches: (q) => /\bweather\b|\bforecast\b/.test(q.text),
  async answer(q, ctx) {
    const range = today(ctx);
    const towns = q.towns.length ? q.towns : [...ctx.vocab.ids];
    const readings = WEATHER_METRICS.map((w) => ctx.vocab.metric(w.key)).filter((m): m is Metric => !!m);
    // What the weather station flags: a storm.
    const flags = ctx.vocab.happenings.filter((h) => h.flag && readings.some((m) => m.kind === h.kind));
    const parts: string[] = [];
    const citations: number[] = [];
    for (const town of towns) {
      const said: string[] = [];
      for (const m of readings) {
        if (m.natural === 'sum') {
          // Rain is said as what fell.
          const r = await ctx.tools.aggregate({ metric: m.key, aggregate: 'sum', town, range });
          if (r.value === null) continue;
          citations.push(...r.citations);
          said.push(r.value ? amount(m, r.value) : `no ${m.label}`);
          continue;
        }
        const lo = await ctx.tools.aggregate({ metric: m.key, aggregate: 'min', town, range });
        const hi = await ctx.tools.aggregate({ metric: m.key, aggregate: 'max', town, range });
        if (lo.value === null || hi.value === null) continue;
        citations.push(...lo.citations, ...hi.citations);
        said.push(
          lo.value === hi.value
            ? `${m.label} ${amount(m, hi.value)}`
            : `${m.label} ${fmt(lo.value, m.decimals)} to ${amount(m, hi.value)}`,
        );
      }
      if (said.length === 0) continue;
      for (const h of flags) {
        const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 1 });
        if (found.count > 0) said.push(h.phrase);
      }
      parts.push(`${ctx.vocab.name(town)}: ${said.join(', ')}`);
    }
    return {
      answer: parts.length
        ? `Weather on ${daysPhrase(range)}: ${parts.join('; ')}.`
        : `No weather was recorded on ${daysPhrase(range)}.`,
      citations: unique(citations),
      understood: { towns, ...rangeOf(range) },
    };
  },
};
