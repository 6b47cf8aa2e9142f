/** "Find the ship repairs in the last 10 days": the events of a happening, or a search by words and meaning. */
import type { StoredEvent } from '../../store/store.ts';
import { capitalise, eventLine, times } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { type Form, happeningTown, rangeOf, whole } from './shared.ts';

export const find: Form = {
  name: 'find',
  matches: (q) =>
    /\b(show|list|find|search|look for|events? about|any)\b/.test(q.text) || q.happening !== undefined,
  async answer(q, ctx) {
    const range = whole(ctx);
    const h = q.happening;
    let events: StoredEvent[];
    let note = '';
    if (h) {
      const found = await ctx.tools.occurrences({
        happening: h,
        town: happeningTown(h, q, ctx),
        range,
        newestFirst: true,
        limit: 10,
      });
      events = found.events;
      note = `${capitalise(h.phrase)} ${times(found.count)} on ${daysPhrase(range)}.`;
    } else {
      const query = q.raw
        .replace(/^(please\s+)?(show( me)?|list|find|search( for)?|look for|any)\s+/i, '')
        .replace(/\?$/, '');
      const found = await ctx.tools.searchEvents({ query, town: q.towns[0], range: ctx.range, k: 10 });
      events = found.events;
      note = found.warning ? `(${found.warning}.)` : '';
    }
    if (events.length === 0)
      return { answer: `Nothing found on ${daysPhrase(range)}.`, citations: [], understood: rangeOf(range) };
    return {
      answer: `${note} ${events.map((e) => eventLine(e, ctx.vocab)).join(' · ')}`.trim(),
      citations: events.map((e) => e.id),
      understood: { ...(h ? { happening: h.name } : {}), ...rangeOf(range) },
    };
  },
};
