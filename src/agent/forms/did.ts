/** "Did the mine flood yesterday?": yes with the times it happened, or no with the last time before. */
import { times } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { actor } from './actor.ts';
import { type Form, happeningOf, happeningTown, line, rangeOf, whereOf, whole } from './shared.ts';

export const did: Form = {
  name: 'did',
  matches: (q) =>
    /^(did|does|do|was|were|has|have|had|is|are)\b/.test(q.text) &&
    (q.metrics.length > 0 || q.happening !== undefined || q.actor !== undefined),
  async answer(q, ctx) {
    const h = happeningOf(q, ctx);
    if (!h) return actor.answer(q, ctx);
    const town = happeningTown(h, q, ctx);
    const range = whole(ctx);
    const where = whereOf(ctx, h, town);
    const found = await ctx.tools.occurrences({ happening: h, town, range, limit: 5 });
    if (found.count > 0) {
      const more =
        found.count > found.events.length ? ` (and ${found.count - found.events.length} more)` : '';
      return {
        answer: `Yes: ${h.phrase}${where} ${times(found.count)} on ${daysPhrase(range)}. ${found.events.map((e) => line(ctx, e, !town)).join(' · ')}${more}`,
        citations: found.citations,
        understood: { happening: h.name, ...rangeOf(range) },
      };
    }
    const before = await ctx.tools.occurrences({
      happening: h,
      town,
      range: { from: 1, to: range.from - 1 },
      newestFirst: true,
      limit: 1,
    });
    const last = before.events[0];
    return {
      answer: `No: the history holds no record that ${h.phrase}${where} on ${daysPhrase(range)}.${last ? ` The last time before was ${line(ctx, last, !town)}` : ''}`,
      citations: before.citations,
      understood: { happening: h.name, ...rangeOf(range) },
    };
  },
};
