/**
 * "Show me the correlation between fish caught and temperature in Port Logic", "Is the temperature
 * rising in Circuiton?": how two daily series move together, or which way one moves.
 */
import type { CorrelateResult, TrendResult } from '../../query/run.ts';
import { trend } from '../../query/statistics.ts';
import { amount, fmt } from '../format.ts';
import type { Question } from '../question.ts';
import { daysPhrase } from '../time.ts';
import type { Happening, Metric } from '../vocabulary.ts';
import {
  combineOf,
  type Form,
  type FormContext,
  HOW_MANY_DAYS,
  happeningOf,
  happeningTown,
  rangeOf,
  selectionOf,
  timesByDay,
  WHETHER,
  whereOf,
  whole,
} from './shared.ts';

const CORRELATE =
  /\bcorr?e+lat\w*|\btrack(ed|s)?\b|\bpearson\b|\brelationship between\b|\brelated to\b|\bgo(es)? (together|with)\b|\bmove together\b|\bdepends? on\b|\blinked\b|\blinks? (between|to|with)\b|\bassociated\b|\bconnected\b/;
const TREND =
  /\btrend\w*|\bdwindl\w*|\bswell(ed|ing|s)? or\b|\bwan(e|ed|ing)\b|\bclimbing or sliding\b|\bsliding or climbing\b|\bfrom day to day\b|\b(straight[- ]line|least[- ]squares|a line (drawn|fitted|fit)) (fit|through|to)?|\bhow much (change|changes|changed)\b[^?]*\b(each|every|a|per) day\b|\bchang(e|ed|es|ing)\b[^?]*\bper day\b|\bper day\b[^?]*\bchang(e|ed|es|ing)\b|\brising\b|\bfalling\b|\bincreas\w*|\bdecreas\w*|\b(go|goes|going|gone|went) (up|down)\b|\b(up|down)wards?\b|\b(rise|rises|rose|risen)\b|\bslope\b|\bgrow(ing|n)?\b|\bdeclin\w*|\bgetting (better|worse|bigger|smaller|more|less|higher|lower|busier|quieter)\b|\bbecom(ing|e) (more|less)\b|\bover time\b|\bhow (has|have|did) [^?]*\bchange[ds]?\b|\bas time (goes|went) on\b|\b(rose|rise|rises|fell|fall|falls|grew|dropped|climbed)\b[^?]*\b(fastest|quickest|most steeply)\b|\bthan before\b|\b(more|less) (frequent|often)\b(?![^?]*\b(than|or)\b)|\bpick(ed|s|ing)? up\b|\bdie[ds]? down\b|\bdrop(ped|s|ping)?\b[^?]*\bover\b|\bgetting (colder|cooler|warmer|hotter|wetter|drier|windier|calmer|rarer)\b|\b(get|gets|got) (colder|cooler|warmer|hotter|wetter|drier|windier|calmer|rarer)\b(?![^?]*\b(than|or)\b)/;
/** A trend asked of every town, to rank them: "which town's wind rose fastest", "whose … among the towns". */
const RANKS_TOWNS =
  /\b(which|what) towns?('s)?\b|\bwhose\b|\bamong the (\w+ )?towns\b|\bwhich of the (\w+ )?towns\b/;

async function rankedTrends(q: Question, ctx: FormContext, m: Metric) {
  const range = whole(ctx);
  const down = DOWN.test(q.text) && !UP.test(q.text);
  const towns = q.towns.filter((t) => m.towns.includes(t));
  const slopes: { town: string; r: TrendResult }[] = [];
  for (const town of towns.length >= 2 ? towns : m.towns) {
    const r = (await ctx.tools.query(
      { op: 'trend', series: series(m, town, ctx) },
      ctx.today,
    )) as TrendResult;
    if (r.slope !== null) slopes.push({ town, r });
  }
  slopes.sort(
    (a, b) => ((down ? a.r.slope : b.r.slope) as number) - ((down ? b.r.slope : a.r.slope) as number),
  );
  const [top, ...rest] = slopes;
  const understood = { metric: m.key, towns: slopes.map((s) => s.town), ...rangeOf(range) };
  if (!top)
    return { answer: `There are too few days of ${m.label} to see a trend.`, citations: [], understood };
  const say = (s: { town: string; r: TrendResult }) =>
    `${ctx.vocab.name(s.town)} ${amount(m, s.r.slope as number, Math.max(2, m.decimals), false)} a day`;
  return {
    answer: `${ctx.vocab.name(top.town)}'s ${m.label} ${down ? 'fell' : 'rose'} fastest over ${daysPhrase(top.r.days)}: a slope of ${(top.r.slope as number).toFixed(2)} ${m.unit} a day.${rest.length ? ` Then ${rest.map(say).join(', ')}.` : ''}`,
    citations: top.r.evidence,
    understood,
  };
}

/** Which way a yes-or-no trend question asks about: "did it go up?", "has it been falling?". */
const UP =
  /\b(up|upwards?|rising|rise|rises|rose|risen|increas\w*|grow(ing|n|s)?|more|bigger|higher|better|busier|warmer|hotter|wetter|windier|swell(ed|s|ing)?|climb(ed|s|ing)?)\b/;
const DOWN =
  /\b(down|downwards?|falling|fall(en|s)?|fell|drop(ped|s|ping)?|decreas\w*|declin\w*|shrink\w*|less|fewer|smaller|lower|worse|quieter|colder|cooler|drier|calmer|rarer|dwindl\w*|wan(e|ed|ing)|slid(e|ing))\b/;

/** The town a metric is asked of: the one named that reports it, or its only town. */
function townOf(m: Metric, q: Question): string | undefined {
  return q.towns.find((t) => m.towns.includes(t)) ?? (m.towns.length === 1 ? m.towns[0] : undefined);
}

const series = (m: Metric, town: string | undefined, ctx: FormContext) => ({
  select: { ...selectionOf(m, town ? [town] : [], whole(ctx)), metric: m.key },
  combine: combineOf(m),
});

const pText = (p: number | null) => (p === null ? 'p unknown' : p < 0.001 ? 'p < 0.001' : `p = ${fmt(p, 3)}`);

function strength(r: number): string {
  const a = Math.abs(r);
  return a >= 0.7 ? 'strong' : a >= 0.4 ? 'moderate' : a >= 0.2 ? 'weak' : 'very weak';
}

/** The two daily series a correlation asks of: two numbers, or one number in two towns. */
function pairOf(q: Question, ctx: FormContext) {
  if (!CORRELATE.test(q.text)) return undefined;
  if (q.metrics.length >= 2) {
    // The two as the question names them, first to last.
    const at = (m: Metric) => m.words.exec(q.text)?.index ?? 0;
    const [a, b] = (q.metrics.slice(0, 2) as [Metric, Metric]).sort((x, y) => at(x) - at(y)) as [
      Metric,
      Metric,
    ];
    // Each number's town is the one named on its side of the question ("Circuiton's gold lost …
    // track the port's pressure"), else the one named at all, else its only town.
    const aAt = a.words.exec(q.text)?.index ?? 0;
    const joint = /\b(and|track(s|ed)?|with|against|vs\.?|versus)\b/g;
    joint.lastIndex = aAt;
    const split = joint.exec(q.text)?.index ?? b.words.exec(q.text)?.index ?? q.text.length;
    const sideTown = (m: Metric, text: string) => ctx.vocab.townsIn(text).find((t) => m.towns.includes(t));
    const ta = sideTown(a, q.text.slice(0, split)) ?? townOf(a, q);
    const tb = sideTown(b, q.text.slice(split)) ?? (ta && b.towns.includes(ta) ? ta : townOf(b, q));
    return { a, ta, b, tb };
  }
  // "Circuiton's gold lost per day and the farms' gold lost per day": one number, two towns.
  const m = q.metrics[0];
  const towns = m ? q.towns.filter((t) => m.towns.includes(t)) : [];
  if (!m || towns.length < 2) return undefined;
  return { a: m, ta: towns[0], b: m, tb: towns[1] };
}

export const relation: Form = {
  name: 'relation',
  matches: (q, ctx) =>
    pairOf(q, ctx) !== undefined ||
    (TREND.test(q.text) &&
      !HOW_MANY_DAYS.test(q.text) &&
      // "How many rounds of grog went down": a total, unless the words of a trend say otherwise.
      (!/^how many\b/.test(q.core) ||
        /\btrend\w*|\bslope\b|\brising\b|\bfalling\b|\bincreas|\bdecreas|\bchang/.test(q.text)) &&
      (q.metrics.length >= 1 || happeningOf(q, ctx)?.metric !== undefined)),
  async answer(q, ctx) {
    const range = whole(ctx);
    const pair = pairOf(q, ctx);
    if (pair) {
      const { a, ta, b, tb } = pair;
      const r = (await ctx.tools.query(
        { op: 'correlate', a: series(a, ta, ctx), b: series(b, tb, ctx) },
        ctx.today,
      )) as CorrelateResult;
      const whose = (m: Metric, t: string | undefined) => `${m.label}${t ? ` in ${ctx.vocab.name(t)}` : ''}`;
      const understood = {
        metric: `${a.key},${b.key}`,
        towns: [ta, tb].filter((t): t is string => !!t),
        ...rangeOf(range),
      };
      if (r.pearson === null)
        return {
          answer: `There are too few days with both ${whose(a, ta)} and ${whose(b, tb)} to say (${r.n} days).`,
          citations: r.evidence,
          understood,
        };
      const direction = r.pearson > 0 ? 'rises with' : 'falls as';
      return {
        answer: `Over ${r.n} days (${daysPhrase(r.days)}), day by day, ${whose(a, ta)} and ${whose(b, tb)} have a Pearson correlation of ${r.pearson.toFixed(2)} (Spearman ${(r.spearman ?? 0).toFixed(2)}): a ${strength(r.pearson)} link, ${r.meaningful ? `more than chance (${pText(r.p)})` : `which could be chance (${pText(r.p)})`}; ${a.label} ${direction} ${b.label}.`,
        citations: r.evidence,
        understood,
      };
    }
    // "Which town's temperature rose fastest?": each town's slope, ranked.
    if (q.metrics[0] && RANKS_TOWNS.test(q.text) && q.metrics[0].towns.length > 1)
      return rankedTrends(q, ctx, q.metrics[0]);
    // "Are raids becoming more frequent?": the trend of how often it happened a day.
    const h = q.metrics.length === 0 ? happeningOf(q, ctx) : undefined;
    if (h?.metric !== undefined) return happeningTrend(q, ctx, h as Happening & { metric: string });
    const m = q.metrics[0] as Metric;
    const town = townOf(m, q);
    const r = (await ctx.tools.query(
      { op: 'trend', series: series(m, town, ctx) },
      ctx.today,
    )) as TrendResult;
    const where = town ? ` in ${ctx.vocab.name(town)}` : '';
    const understood = { metric: m.key, towns: town ? [town] : [], ...rangeOf(range) };
    if (r.slope === null)
      return {
        answer: `There are too few days of ${m.label}${where} to see a trend (${r.n} days).`,
        citations: r.evidence,
        understood,
      };
    const way = r.slope > 0 ? 'rising' : r.slope < 0 ? 'falling' : 'flat';
    // "Did it go up?" is answered yes or no first, by the slope's sign.
    const asked = askedWay(q);
    const verdict = asked === 0 ? '' : Math.sign(r.slope) === asked ? 'Yes: ' : 'No: ';
    const label = verdict ? m.label : `${m.label[0]?.toUpperCase()}${m.label.slice(1)}`;
    return {
      answer: `${verdict}${label}${where} has been ${way} over ${r.n} days (${daysPhrase(r.days)}): a slope of ${r.slope.toFixed(2)} ${m.unit} a day (${amount(m, r.slope, Math.max(2, m.decimals), false)} per day), ${r.meaningful ? `more than chance (${pText(r.p)})` : `which could be chance (${pText(r.p)})`}.`,
      citations: r.evidence,
      understood,
    };
  },
};

/** A question that asks which way, not whether one way: "rising or falling?". */
const EITHER_WAY =
  /\b(rising|up|better|more|increasing|growing|higher|bigger|swelled|swelling|climbing) or (falling|down|worse|less|fewer|decreasing|shrinking|lower|smaller|waned|waning|sliding|dwindled)\b|\b(falling|down|worse|less|decreasing|lower|smaller|waned|waning|sliding) or (rising|up|better|more|increasing|higher|bigger|swelled|climbing)\b|\bis it (up|down) or (up|down)\b/;

/** Which way a yes-or-no question asks it moved: 1 up, -1 down, 0 when it asks which way. */
function askedWay(q: Question): number {
  // "Temp in Circuiton this month — going down?" asks whether, tersely.
  // So does a question that ends a clause with it ("was the daily catch going down? I'd like the slope").
  const terse =
    /(going|trending|heading) (up|down)\w*\??$|\b(rising|falling|increasing|decreasing)\??$/.test(q.core) ||
    /\b(?:going|trending|heading) (?:up|down)\w*\?|\b(?:rising|falling|increasing|decreasing)\?/.test(q.text);
  // "… going up wk 7? y/n": yes or no, asked outright.
  const yesOrNo = /\byes or no\b/.test(q.text);
  if (!(WHETHER.test(q.core) || terse || yesOrNo) || EITHER_WAY.test(q.core)) return 0;
  return UP.test(q.core) ? 1 : DOWN.test(q.core) ? -1 : 0;
}

/**
 * The slope of how many times a day something happened, every day of the range counted (a day
 * without it is a 0: storms are rare).
 */
async function happeningTrend(q: Question, ctx: FormContext, h: Happening & { metric: string }) {
  const range = whole(ctx);
  const town = happeningTown(h, q, ctx);
  const r = await timesByDay(ctx, h, town, range);
  const byDay = new Map(r.groups.map((g) => [g.key as number, g.value ?? 0]));
  const days = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
  const t = trend(
    days,
    days.map((d) => byDay.get(d) ?? 0),
  );
  const where = whereOf(ctx, h, town);
  const understood = { happening: h.name, ...rangeOf(range) };
  const total = r.groups.reduce((n, g) => n + (g.value ?? 0), 0);
  if (t.slope === null)
    return {
      answer: `There are too few days to see a trend (${days.length} days).`,
      citations: r.evidence,
      understood,
    };
  const way = t.slope > 0 ? 'more often' : t.slope < 0 ? 'less often' : 'no more or less often';
  const asked = askedWay(q);
  const verdict = asked === 0 ? '' : Math.sign(t.slope) === asked ? 'Yes: ' : 'No: ';
  return {
    answer: `${verdict}over ${daysPhrase(range)}, ${h.phrase}${where} ${way} as the days went on (${total} times in all): a slope of ${(Math.abs(t.slope) < 0.0005 ? 0 : t.slope).toFixed(3)} times a day per day, ${t.meaningful ? `more than chance (${pText(t.p)})` : `which could be chance (${pText(t.p)})`}.`,
    citations: r.evidence,
    understood,
  };
}
