/** "What did John do on day 12?": one person's recorded actions, their totals, and their talks. */
import { amount, eventLine, list } from '../format.ts';
import { daysPhrase } from '../time.ts';
import { roundTo } from '../tools.ts';
import { type Form, rangeOf, whole } from './shared.ts';

export const actor: Form = {
  name: 'actor',
  matches: (q) =>
    q.actor !== undefined && (q.metrics.length === 0 || /\bwhat did\b|\bwhat has\b/.test(q.text)),
  async answer(q, ctx) {
    const name = q.actor;
    if (!name)
      return {
        answer: `I do not know who that is. The history names people such as ${list(ctx.actors.slice(0, 4))}.`,
        citations: [],
        understood: {},
      };
    const range = whole(ctx);
    const found = await ctx.tools.listEvents({ actor: name, range, limit: 5000 });
    // Someone else whose name contains this one's ("John" in "Johnny") is not them.
    const events = found.events.filter((e) => e.actor === name);
    if (/\b(talk|talked|spoke|chat|chatted|met|meet)\b/.test(q.text)) {
      const talks = events.filter((e) => e.kind === 'chat' || e.kind === 'meeting');
      if (talks.length === 0)
        return {
          answer: `The history records no conversation of ${name} on ${daysPhrase(range)}.`,
          citations: [],
          understood: rangeOf(range),
        };
      return {
        answer: `${name} on ${daysPhrase(range)}: ${talks.map((e) => eventLine(e)).join(' · ')}`,
        citations: talks.map((e) => e.id),
        understood: rangeOf(range),
      };
    }
    if (events.length === 0)
      return {
        answer: `The history records nothing ${name} did on ${daysPhrase(range)}.`,
        citations: [],
        understood: rangeOf(range),
      };
    const totals: string[] = [];
    for (const m of ctx.vocab.metrics) {
      const mine = events.filter((e) => e.kind === m.kind && typeof e.data[m.key] === 'number');
      if (mine.length === 0 || m.sensor) continue;
      const sum = roundTo(
        mine.reduce((s, e) => s + (e.data[m.key] as number), 0),
        m.decimals,
      );
      totals.push(`${m.label}: ${amount(m, sum)}`);
    }
    const shown = events.slice(-5).map((e) => eventLine(e));
    return {
      answer: `${name} (${ctx.vocab.name(events[0]?.town ?? '')}) on ${daysPhrase(range)}: ${events.length} recorded ${events.length === 1 ? 'action' : 'actions'}${totals.length ? `; ${totals.join(', ')}` : ''}. ${events.length > 5 ? 'The latest: ' : ''}${shown.join(' · ')}`,
      citations: events.map((e) => e.id),
      understood: rangeOf(range),
    };
  },
};
