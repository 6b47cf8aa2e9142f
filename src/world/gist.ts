/**
 * The gist of a told sentence: which rule of the towns' grammars told it, said in that rule's first
 * option with the same values. The options of one rule say the same thing in other words by design
 * (grammar.ts), so sentences that differ only in the option or in a filler (where a boat fished,
 * when a shift began) share one gist; search embeds each gist once (phrase.ts) instead of every
 * variant. A sentence is read back against every option of every rule, the most specific first;
 * what follows the part a rule told (a remark on the past, a second sentence) is read on its own.
 */
import { type Grammar, TOKEN } from './grammar.ts';
import { capitalise, escapeRegExp } from './text.ts';

interface Reading {
  pattern: RegExp;
  /** The rule's first option, to say the gist in. */
  canonical: string;
  grammar: Grammar;
  /** Letters of the option that are its own words: the more, the more specific. */
  literal: number;
}

/** A rule whose options are all plain words: a filler, told as its first option in a gist. */
const isFiller = (options: readonly string[]) => options.every((o) => !/[{#]/.test(o));

function patternOf(option: string, grammar: Grammar): { source: string; literal: number } {
  let source = '';
  let literal = 0;
  let at = 0;
  const named = new Set<string>();
  for (const m of option.matchAll(TOKEN)) {
    const text = option.slice(at, m.index);
    source += escapeRegExp(text);
    literal += text.length;
    const rule = m[1];
    if (rule !== undefined) {
      const options = grammar[rule] ?? [];
      source += isFiller(options) ? `(?:${options.map(escapeRegExp).join('|')})` : '.+?';
    } else {
      const key = m[2] as string;
      source += named.has(key) ? '.+?' : `(?<${key}>.+?)`;
      named.add(key);
    }
    at = m.index + m[0].length;
  }
  const tail = option.slice(at);
  return { source: source + escapeRegExp(tail), literal: literal + tail.length };
}

function render(option: string, grammar: Grammar, values: Readonly<Record<string, string>>): string {
  const text = option.replace(TOKEN, (whole, rule: string | undefined, key: string | undefined) => {
    if (rule !== undefined) {
      const options = grammar[rule] ?? [];
      return isFiller(options) ? (options[0] ?? '') : whole;
    }
    return values[key as string] ?? whole;
  });
  return capitalise(text);
}

export function gistOf(grammars: readonly Grammar[]): (text: string) => string {
  const readings: Reading[] = [];
  for (const grammar of grammars) {
    for (const options of Object.values(grammar)) {
      const canonical = options[0];
      if (canonical === undefined) continue;
      for (const option of options) {
        const { source, literal } = patternOf(option, grammar);
        // What a rule told may be followed by more: a space and the rest, read on its own.
        readings.push({ pattern: new RegExp(`^${source}(?<rest> .*)?$`, 'is'), canonical, grammar, literal });
      }
    }
  }
  readings.sort((a, b) => b.literal - a.literal);

  const gist = (text: string, depth: number): string => {
    if (depth > 4) return text;
    for (const r of readings) {
      const m = r.pattern.exec(text);
      if (!m) continue;
      const { rest, ...values } = m.groups ?? {};
      const told = render(r.canonical, r.grammar, values as Record<string, string>);
      return rest ? `${told} ${gist(rest.trimStart(), depth + 1)}` : told;
    }
    return text;
  };
  return (text) => gist(text, 0);
}
