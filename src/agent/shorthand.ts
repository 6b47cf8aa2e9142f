/**
 * Shorthand read as the words the question forms know: an analyst's (the world's own keys, `@`,
 * `>`, argmax, lsq) and a developer's (`field=value`, `sum()`, `corr()`, `exists`). Pure text to
 * text; the towns' ids come from the vocabulary.
 */
import { escapeRegExp } from '../world/text.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * An analyst's shorthand in words the forms read: "count distinct days: x" (on how many days),
 * "town argmax sum(rain_mm)" (which town had the most), "argmax daily sum fish -> day" (which day
 * had the most), "lsq slope/day", "x @ town", "rain_mm>0", "w4", "prev week", "trailing 10d".
 */
export function shorthandRead(text: string, vocab: Vocabulary): string {
  return (
    developerWords(text, vocab)
      .replace(/\bcount (?:of )?distinct days\b:?/g, 'on how many days')
      .replace(/\b(?:count|number of|#) (?:of )?days\b:?(?= )/g, 'on how many days')
      .replace(
        /^(?:the )?town (?:w\/ |with (?:the )?)?(?:arg)?(max|min)\b (sum|count|mean|avg|total)?\(?/,
        (_m, ext: string, agg?: string) =>
          `which town had the ${agg === 'mean' || agg === 'avg' ? (ext === 'max' ? 'highest mean' : 'lowest mean') : ext === 'max' ? 'most' : 'least'} `,
      )
      .replace(
        /\barg(max|min) (?:of )?(daily|per day|day)? ?(?:sum|total|mean)? ?\(?/g,
        (_m, ext: string, daily?: string) =>
          `${daily ? 'which day had the' : 'the'} ${ext === 'max' ? 'most' : 'least'} `,
      )
      .replace(
        /^(max|min) daily (mean|sum|total)\b/,
        (_m, ext: string, agg: string) =>
          `which day had the ${ext === 'max' ? 'highest' : 'lowest'} daily ${agg === 'mean' ? 'mean' : 'total'}`,
      )
      .replace(/\s*->\s*(?:day|value|mm|date)(?:,\s*(?:day|value|mm|date))*\s*$/, '')
      .replace(/\)/g, ' ')
      .replace(/\blsq\b/g, 'least squares')
      .replace(/\bslope\s*\/\s*day\b/g, 'slope per day')
      .replace(/\s*@\s*/g, ' in ')
      // "crates port -> patch": what one town sent another.
      .replace(/\s*->\s*/g, ' sent to ')
      .replace(/\s*(>=|=>)\s*/g, ' at least ')
      .replace(/\s*(<=|=<)\s*/g, ' at most ')
      .replace(/\s*>\s*(?=-?\d)/g, ' above ')
      .replace(/\s*<\s*(?=-?\d)/g, ' below ')
      // "avg temperature_c den < circuiton": one side against the other.
      .replace(/\s*>\s*(?=[a-z])/g, ' higher than ')
      .replace(/\s*<\s*(?=[a-z])/g, ' lower than ')
      .replace(/\bprev\b/g, 'previous')
      .replace(/\btrailing (\d+)/g, 'last $1')
      .replace(/\bwk?(\d+)\b/g, 'week $1')
      .replace(/\bd-1\b/g, 'yesterday')
      // A key's words as words: "value_gold" is gold in trade.
      .replace(/(?<=[a-z])_(?=[a-z])/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * An engineer's SQL in words: "sum(x) WHERE … GROUP BY day ORDER BY sum DESC LIMIT 1" is the day of
 * the most, "… GROUP BY actor ORDER BY 2 DESC LIMIT 1" the person of the most, "ORDER BY day DESC
 * LIMIT 1" the last day; "count(DISTINCT day)" the days; "d26-30", "day BETWEEN 39 AND 45" a span;
 * "max(rain_mm) = 0" no rain; "kind=raid" the raids; a WHERE after a call says nothing.
 */
function sqlWords(text: string): string {
  const ranked = (_m: string, label: string, head: string, by: string, dir: string): string => {
    const mean = /^(avg|mean)\s*\(/.test(head);
    const body = head.replace(/^(sum|avg|mean|total|count)\s*\(\s*([^)]*)\)/, '$2');
    const most = dir === 'desc';
    if (by === 'actor' || by === 'person') return `${label}who had the ${most ? 'most' : 'least'} ${body}`;
    return `${label}which day had the ${mean ? `${most ? 'highest' : 'lowest'} daily mean` : most ? 'most' : 'least'} ${body}`;
  };
  return text
    .replace(
      /^((?:[a-z' ]+: )?)(.*?)\s*\bgroup by (day|date|actor|person)\s+order by \S+ (desc|asc)\s+limit 1\b/,
      ranked,
    )
    .replace(
      /^((?:[a-z' ]+: )?)(.*?)\s*\border by (?:day|date) (desc|asc)\s+limit 1\b/,
      (_m, label: string, head: string, dir: string) =>
        `${label}which was the ${dir === 'desc' ? 'last' : 'first'} day of ${head}`,
    )
    .replace(/\s*[—–-]+\s*day\s*\+\s*value\s*$/, '')
    .replace(/\bcount\s*\(\s*distinct\s+days?\s*\)/g, 'on how many days')
    .replace(/\bd(\d+)\s*-\s*(\d+)\b/g, 'days $1 to $2')
    .replace(/\bday between (\d+) and (\d+)\b/g, 'between day $1 and day $2')
    .replace(/\b(?:max|sum)\s*\(\s*([a-z]+_[a-z_]+)\s*\)\s*==?\s*0\b(?!\.)/g, 'no $1')
    .replace(/\bkind\s*=\s*([a-z]+)\b/g, '$1 events')
    .replace(/\bn (?:events|times|occurrences)\b/g, 'how many times')
    .replace(/\)\s*where\b/g, ')')
    .replace(/\btop (?:hand|worker|earner|producer|person) (?:by|for|in)\b/, 'who had the most');
}

/**
 * A developer's query in words: the world's fields as `key=value` ("town=port-logic", "week=4",
 * "from=patchbourough", "target=circuiton", "goods=fish", "day=today+1"), aggregates as calls
 * ("sum(ore_tons)", "corr(a, b)"), "exists … yes/no", "actor with max …", "role=quartermaster".
 */
function developerWords(text: string, vocab: Vocabulary): string {
  // A town's id as the question has it by now: "port-logic" is "port logic".
  const ids = vocab.towns.map((t) => escapeRegExp(t.id.replace(/-/g, ' '))).join('|');
  const town = `(${ids}|[a-z]+)`;
  // "town=port-logic" or "town is port logic", but not "which town is usually the coldest".
  const field = (names: string) =>
    new RegExp(`\\b(?:where |and |with |, ?)?(${names})\\s*(?:=\\s*${town}|\\s+is\\s+(${ids})\\b)`, 'g');
  return (
    sqlWords(text)
      .replace(/\bday\s*=\s*today\s*\+\s*1\b/g, 'tomorrow')
      .replace(/\bday\s*=\s*today\b/g, 'today')
      .replace(/\b(day|week)\s*=\s*(\d+)\b/g, '$1 $2')
      .replace(field('town'), (_m, _f, a, b) => ` in ${a ?? b}`)
      .replace(
        new RegExp(`\\b(?:where |and |with |, ?)?target\\s*(?:!=|≠|<>|is not|isn't)\\s*${town}`, 'g'),
        " on shipments other than $1's",
      )
      .replace(field('target'), (_m, _f, a, b) => ` on ${a ?? b}'s shipments`)
      .replace(/\b(from|to)\s*=\s*/g, '$1 ')
      .replace(/\bgoods\s*=\s*([a-z]+)/g, '$1')
      .replace(/\b(?:role\s*=\s*|actor with (?:the )?role )([a-z]+)/g, 'who is the $1')
      .replace(/^(?:the )?top (?:actor|person|worker) by (?:sum|total)?\(?/, 'who had the most ')
      // "mill.bins_full=1", "fine_haul=1": the flag.
      .replace(
        /\b(?:[a-z]+\.)?([a-z]+_[a-z_]+|[a-z]+)\s*=\s*1\b(?!\.)/g,
        (_m, key: string) => `${key.replace(/_/g, ' ')} flag`,
      )
      .replace(/^actor with (?:the )?max\b/, 'who had the most')
      .replace(
        /^arg(max|min)\s*\(\s*(?:actor|person|worker)\s*\)/,
        (_m, ext: string) => `who had the ${ext === 'max' ? 'most' : 'least'}`,
      )
      // "… + value": the answer's value beside the name, which every answer gives.
      .replace(/\s*\+\s*(?:value|amount|total)\s*$/, '')
      .replace(/^actor with (?:the )?min\b/, 'who had the least')
      .replace(/^exists\b/, 'was there')
      .replace(
        /^arg(max|min) over (?:the )?towns of\b/,
        (_m, ext: string) => `which town had the ${ext === 'max' ? 'most' : 'least'}`,
      )
      // "every sensor rain_mm == 0": no rain.
      .replace(
        /\b(?:every (?:sensor|reading) |all readings )?([a-z]+(?:_[a-z]+)?)\s*==?\s*0\b(?!\.)/g,
        (_m, key: string) => `no ${key.replace(/_/g, ' ')}`,
      )
      .replace(/\?? ?yes\/no\??$/, '')
      .replace(/\bcorr\(\s*([^,]+),\s*([^)]+)\)/g, 'correlation of $1 and $2')
      .replace(
        /^day with (max|min)\b/,
        (_m, ext: string) => `which day had the ${ext === 'max' ? 'most' : 'least'}`,
      )
      .replace(
        /^(max|min) over days of\b/,
        (_m, ext: string) => `which day had the ${ext === 'max' ? 'most' : 'least'}`,
      )
      .replace(/\bdaily (sum|mean|avg)\(/g, (_m, agg: string) => `daily ${agg === 'sum' ? 'total' : 'mean'} `)
      .replace(
        /\b(sum|mean|avg|max|min|count|n)\(/g,
        (_m, agg: string) =>
          `${agg === 'sum' ? 'total' : agg === 'avg' ? 'mean' : agg === 'n' ? 'count' : agg} `,
      )
      .replace(/\blinear regression slope\b/g, 'slope')
  );
}
