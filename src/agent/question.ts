/** A question taken apart: the towns, numbers, happenings, people and time it names. Pure. */
import pluralize from 'pluralize';
import { escapeRegExp } from '../world/text.ts';
import { ORDINAL } from './numbers.ts';
import { shorthandRead } from './shorthand.ts';
import { type RealWordMend, spellerOf } from './spelling.ts';
import { type ParsedTime, parseTime } from './time.ts';
import type { Aggregate, Happening, Metric, Vocabulary } from './vocabulary.ts';

export interface Question {
  /** As asked, trimmed. */
  raw: string;
  /** Lower case, single spaces, without the closing punctuation. */
  text: string;
  /** The text without its time phrase and leading filler ("tell me,", "yes or no:"): what it asks. */
  core: string;
  /** The ids of the towns it names, in the order it names them. */
  towns: string[];
  metrics: Metric[];
  happening?: Happening;
  time?: ParsedTime;
  /** The full name of a person the question names, as the history records it. */
  actor?: string;
  /** An aggregate the question asks for in so many words ("average", "highest"). */
  aggregate?: Aggregate;
  /** "most", "warmest": the top; "least", "coldest": the bottom. */
  superlative?: 'max' | 'min';
  /** A place the question names that is not one of the towns ("in Paris"). */
  unknownPlace?: string;
}

const TITLES = new Set([
  'captain',
  'bosun',
  'master',
  'professor',
  'old',
  'mother',
  'father',
  'the',
  'skipper',
]);

/** The word people call someone by: "Mara" for "Captain Mara Blackwater", "Skiv" for "Skiv the Fletcher". */
function callName(actor: string): string | undefined {
  return actor.split(/\s+/).find((w) => !TITLES.has(w.toLowerCase()) && w.length >= 3);
}

/**
 * The options whose reading the question's other words describe best: words of the kinds it reads
 * (what the kind is about, its numbers' labels and units, and its fields: goods, shipments), the
 * mended word itself left out; every option when none is described, or none better than the rest.
 */
function bestFitting<T extends RealWordMend>(
  options: readonly T[],
  read: (o: T) => Question,
  base: Question,
  vocab: Vocabulary,
): T[] {
  const before = kindsOf(base);
  const singular = (text: string) =>
    new Set((text.match(/[a-z]{4,}/g) ?? []).map((w) => pluralize.singular(w)));
  const fit = (o: T) => {
    const r = read(o);
    const kinds = [...kindsOf(r)].filter((k) => !before.has(k));
    const told: string[] = [];
    for (const kind of kinds) {
      const def = vocab.world.kindsByName.get(kind);
      if (!def) continue;
      told.push(def.about, ...(def.metrics ?? []).map((m) => `${m.label} ${m.unit}`));
      if (def.fields?.goods) told.push('goods shipment cargo', ...vocab.world.goods.keys());
    }
    const described = singular(told.join(' '));
    described.delete(pluralize.singular(o.word));
    return [...singular(o.text)].filter((w) => w !== pluralize.singular(o.word) && described.has(w)).length;
  };
  const fits = options.map(fit);
  const best = Math.max(...fits);
  const winners = options.filter((_, i) => fits[i] === best);
  return best > 0 && winners.length === 1 ? winners : [...options];
}

/** The question proper with its "there" as the frame's town, where the frame names one. */
function thereNamed(proper: string, frame: string, vocab: Vocabulary): string {
  const towns = vocab.townsIn(frame);
  const town = towns.length === 1 ? towns[0] : undefined;
  if (town === undefined || vocab.townsIn(proper).length > 0) return proper;
  return proper.replace(
    /\b(?:(?:up|down|out|over) )?(?:there|in that town|in that place)\b/,
    `in ${vocab.name(town).toLowerCase()}`,
  );
}

/**
 * The numbers of the happening's own kind first ("did the port catch more rain": rain, not fish),
 * and its own number where another kind's took its words ("any raid that brought in 400 gold").
 */
function ofHappening(
  metrics: Metric[],
  happening: Happening | undefined,
  text: string,
  vocab: Vocabulary,
): Metric[] {
  if (!happening?.kind) return metrics;
  const own = metrics.filter((m) => m.kind === happening.kind);
  if (own.length) return [...own, ...metrics.filter((m) => m.kind !== happening.kind)];
  // Its number, where another kind's words took them ("a raid that brought in 400 gold": the
  // raid's gold, not gold in trade).
  const its = happening.metric === undefined ? undefined : vocab.metric(happening.metric);
  if (!its || its.kind !== happening.kind || !its.words.test(text)) return metrics;
  return [its, ...metrics.filter((m) => m.unit !== its.unit)];
}

/** A number named after "of" first: "the biggest haul of ore" is ore, not the fishers' haul. */
function ofNamed(metrics: Metric[], text: string): Metric[] {
  if (metrics.length < 2) return metrics;
  const of = /\b(?:haul|catch|batch|load|day|amount|total)s? of ([a-z]+(?: [a-z]+)?)/.exec(text);
  const named = of ? metrics.find((m) => m.words.test(of[1] as string)) : undefined;
  return named ? [named, ...metrics.filter((m) => m !== named)] : metrics;
}

/** The question without its time's words: "since the very first day" asks for no first day, and ranks nothing. */
export const untimed = (q: Question): string => (q.time ? q.text.replace(q.time.said, ' ') : q.text);

/** The kinds of event a reading's numbers and happening belong to. */
const kindsOf = (r: Question): Set<string> =>
  new Set([...r.metrics.map((m) => m.kind), r.happening?.kind].filter((k) => k !== undefined));

export function actorIn(text: string, actors: readonly string[]): string | undefined {
  // "Ada's job" names Ada.
  const words = new Set(text.replace(/'s\b/g, '').match(/[a-z']+/g) ?? []);
  // Full names first ("Nell Brine"), then the name people call them by ("John").
  // Hyphens are spaces in a question read ("One-Eyed Finn": one eyed finn).
  const full = actors.find((a) => text.includes(a.toLowerCase().replace(/-/g, ' ')));
  if (full) return full;
  return actors.find((a) => {
    const name = callName(a)?.toLowerCase();
    return name !== undefined && words.has(name);
  });
}

/** Everyone a question names in full, in the order it names them, each once. */
export function actorsIn(text: string, actors: readonly string[]): string[] {
  return actors
    .map((a) => ({ a, at: text.indexOf(a.toLowerCase().replace(/-/g, ' ')) }))
    .filter(({ at }) => at >= 0)
    .sort((x, y) => x.at - y.at)
    .map(({ a }) => a);
}

const MAX_WORDS =
  /(?<!\bat )\b(most|highest|max(imum)?|peak(ed|s)?|biggest|largest|greatest|best|strongest|top|warmest|hottest|wettest|rainiest|windiest|humidest|muggiest|stickiest|record|richest|busiest|heaviest|costliest|priciest|dearest|mightiest|grandest|fiercest|wildest|proudest|finest|fullest|fattest|dampest)\b/;
const MIN_WORDS =
  /(?<!\bat )\b(least|lowest|min(imum)?|smallest|fewest|worst|weakest|coldest|coolest|chilliest|driest|calmest|poorest|quietest|lightest|gentlest|slowest|leanest|thinnest|slackest|sparsest|bitterest|grimmest|bleakest|darkest|saddest|cheapest)\b/;

const MOST_OF_LITTLE =
  /\bmost (small|low|little|weak|calm|cold|cool|dry|few|light|slow|quiet|poor|lean|short)\b|\bthe less\b(?! than\b)/;

function aggregateIn(text: string): Aggregate | undefined {
  if (/\b(average|mean|typical(ly)?|on average|usually|normally|as a rule)\b/.test(text)) return 'mean';
  if (/\bhow (many times|often)\b|\bnumber of times\b/.test(text)) return 'count';
  // "Count cold_forge flag events", "tally the raid reports": events counted, not a number summed.
  if (/^(count|tally)\b[^?]*\b(flags?|events?|times|occurrences|reports)\b/.test(text)) return 'count';
  if (/\bhow (high|big|strong|hot|warm|heavy|fast)\b.*\b(get|go|reach|rise|climb)\b/.test(text)) return 'max';
  if (/\bhow (low|small|weak|cold|cool|light|slow)\b.*\b(get|go|reach|fall|drop|sink)\b/.test(text))
    return 'min';
  if (/\b(highest|max(imum)?|peak|strongest|warmest|hottest|windiest|heaviest)\b/.test(text)) return 'max';
  if (/\b(lowest|min(imum)?|coldest|coolest|chilliest|calmest|lightest|gentlest)\b/.test(text)) return 'min';
  // "How much fish per day", "how many pupils a day": the mean of the days' totals.
  if (
    /\bhow (much|many)\b/.test(text) &&
    /\b(per|a|each|every) day\b/.test(text) &&
    !/\bdays\b|\bat (the )?(most|least)\b/.test(text)
  )
    return 'mean';
  if (/\b(total|how much|how many|sum|altogether|in all)\b/.test(text)) return 'sum';
  return undefined;
}

const PLACE = /\b(?:in|at|to|from|near|of)\s+((?:[A-Z][\w'-]+)(?:\s+(?:of\s+)?[A-Z][\w'-]+)*)/g;
const NOT_PLACES = /^(Day|Week|The|A|An|Captain|Bosun)\b/;

function unknownPlaceIn(raw: string, actors: readonly string[], vocab: Vocabulary): string | undefined {
  // Words of the towns' names ("in Port" of a longer name) are not another place.
  const nameWords = new Set(vocab.towns.flatMap((t) => t.name.toLowerCase().split(/\s+/)));
  // A town's own places ("the Academy", "Stone's Forge") are in the world too.
  const placeWords = new Set(
    vocab.world.towns.flatMap((t) => t.places.flatMap((p) => p.name.toLowerCase().split(/\W+/))),
  );
  for (const m of raw.matchAll(PLACE)) {
    const place = m[1] as string;
    if (NOT_PLACES.test(place)) continue;
    if (vocab.townsIn(place.toLowerCase()).length > 0) continue;
    if (place.split(/\s+/).every((w) => nameWords.has(w.toLowerCase()) || placeWords.has(w.toLowerCase())))
      continue;
    if (actors.some((a) => a.toLowerCase().includes(place.toLowerCase()))) continue;
    return place;
  }
  return undefined;
}

/** Words before the question itself: "hey,", "tell me,", "yes or no:", "of all the towns,". */
const FILLER =
  /^(?:(?:so far|to date|all told|all in all|in all|in total|altogether|overall|in the end|hey|hi|so|ok(?:ay)?|well|please|quick question|question|tell me|can you tell me|could you tell me|i wonder|i'd like to know|yes or no|of all the towns|among the towns|quick check|quick one|kindly|find out|find|work out|figure out|look up)\b[,:;]?\s*)+/;

/** Words before a colon or a ", so" that lead into the question itself. */
const PREAMBLE =
  /^(?!(?:which|what|who|whose|how|when|where|did|does|do|was|were|is|are|has|have|had)\b)[^:?]{0,120}?(?::|,? so,?|, and need to know:?|\s[—–-]|[.,]| but)\s+(?=(?:so far,? |overall,? |all told,? )?(?:did|does|do|was|were|is|are|has|have|had|any|how|what|which|when|where|who|whose|list|show|tell|name|give|count|would|could|can|please|kindly|state|(?:on|in|over|during|between) (?:how|which|what)\b))/;

/** A few words and a colon that name what the question is for: "log check:", "objective:". */
const LABEL =
  /^(?!(?:[a-z']+,? ){0,3}?(?:which|what|who|how|when|where|did|does|was|were|is|are|days?|weeks?|month|first|last|latest|earliest|total|sum|most|least|count|average|mean|max|min|top|best|worst)\b)(?:[a-z']+,? ){0,3}[a-z']+(?::|\s+[—–]|\s+-(?=\s))\s+/;

/** A frame's first clause, to its dash or colon. */
const FRAME_HEAD = /^[^—–:?]{0,120}?(?:\s[—–-]\s|:\s|—)/;

/** How a speaker frames a question about themselves ("I'm building a quest around the harbour, so"). */
const FRAME_LEAD =
  /^(?:i'm|i am|i'd|i was|i need|i want|for my|for an?|settle|my players|as a|we're|we are|prepping|preparing|planning)\b/;

/**
 * The question without the frame a speaker put around it, whose towns are where the speaker is, not
 * what is asked ("For my notes on Port Logic: how many raids did the pirates pull off?" asks of
 * every raid).
 */
function unframed(text: string): string {
  if (!FRAME_LEAD.test(text)) return text;
  const proper = frameless(text);
  // "I want the busiest day for fishing in week 3: which day?": what it ranks is the question.
  const lead = text.slice(0, text.length - proper.length);
  const ranks = (t: string) => MAX_WORDS.test(t) || MIN_WORDS.test(t);
  return ranks(lead) && !ranks(proper) ? text : proper;
}

function frameless(text: string): string {
  const rest = text.replace(PREAMBLE, '');
  // A frame of two clauses ("prepping tonight's session, which is set in the den: did …").
  const after =
    /^[^:?]{0,100}:\s+(?=(?:did|does|do|was|were|is|are|has|have|had|how|what|which|when|where|who)\b)/;
  if (rest !== text) return rest.replace(after, '');
  // After a colon or a dash the question proper begins, however it begins ("so: in all the time …").
  const colon = /^[^:?—]{0,120}?(?::|—|\s-\s)\s*/.exec(text);
  return colon ? text.slice(colon[0].length) : text;
}

function coreOf(text: string, said: string | undefined): string {
  // The time phrase goes with the word that led it in ("in the past week", "during week 4").
  let core = said
    ? text.replace(
        new RegExp(`\\b(?:(?:in|on|during|over|for|from|since|of)\\s+)?(?:the\\s+)?${escapeRegExp(said)}`),
        ' ',
      )
    : text;
  core = core
    .replace(/\b(?:on|in|during|over|for|from|between|since)\s*(?=[,:;]|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,:;]+|[\s,:;]+$/g, '');
  // "Settle an argument for me: did …", "I'm building a quest, so: any day …": the question proper.
  // (Not where only a restated "which days" would be left of it, nor where the lead-in holds what
  // is ranked: "highest river day on the farms - what's the average that day".)
  const proper = core.replace(PREAMBLE, '');
  const lead = core.slice(0, core.length - proper.length);
  const ranks = (t: string) => MAX_WORDS.test(t) || MIN_WORDS.test(t);
  if (proper.split(' ').length > 2 && !(ranks(lead) && !ranks(proper))) core = proper;
  // A label before a colon ("log check:", "objective:", "for the ledger:") heads the question.
  core = core.replace(LABEL, '');
  for (let i = 0; i < 3; i++) core = core.replace(FILLER, '').replace(/^[\s,:;]+/, '');
  return core;
}

const ORDINAL_ELLIPSIS = new RegExp(
  `\\b${ORDINAL} (week|day)\\b(,? (?:or|and|with|to|against|versus|vs\\.?) (?:in |on )?(?:the )?)${ORDINAL}\\b(?! (?:week|day)\\b)`,
  'g',
);

/** A learner's regular past of an irregular verb: "catched", "losed", "digged". */
const LEARNERS_PAST_TENSE: Record<string, string> = {
  catched: 'caught',
  digged: 'dug',
  maked: 'made',
  sended: 'sent',
  losed: 'lost',
  selled: 'sold',
  buyed: 'bought',
  teached: 'taught',
  stealed: 'stole',
  winned: 'won',
  bringed: 'brought',
  brang: 'brought',
  falled: 'fell',
  goed: 'went',
  comed: 'came',
  taked: 'took',
  gived: 'gave',
  leaved: 'left',
  feeded: 'fed',
  keeped: 'kept',
  growed: 'grew',
  blowed: 'blew',
  drinked: 'drank',
  finded: 'found',
  runned: 'ran',
  sinked: 'sank',
  fighted: 'fought',
  thinked: 'thought',
};
const LEARNERS_PAST = new RegExp(`\\b(${Object.keys(LEARNERS_PAST_TENSE).join('|')})\\b`, 'g');

export function parseQuestion(
  raw: string,
  today: number,
  actors: readonly string[],
  vocab: Vocabulary,
): Question {
  const trimmed = raw.trim();
  const people = new Set(actors.flatMap((a) => a.toLowerCase().match(/[a-z]+/g) ?? []));
  const speller = spellerOf(vocab);
  let lowered = trimmed
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[?.!]+$/, '')
    // "Cold-forge days", "rain-days": words joined by a hyphen are the words ("least-squares" too).
    .replace(/(?<=[a-z])-(?=[a-z])/g, ' ')
    // Shorthand people write: "avg catch", "whos the smith", "hw many", "btwn", "w/", "# of days".
    .replace(/\bavg\b\.?/g, 'average')
    .replace(/^true or false\b[,:;]?\s*/, 'is it true that ')
    .replace(/\?*\s*\by\/n\b\??$/, ' yes or no')
    // A sailor's dropped letters: "an'", "o' the", "readin'", "durin'".
    .replace(/\ban'(?=\s)/g, 'and')
    .replace(/\bo'(?=\s)/g, 'of')
    .replace(/\b([a-z]{2,})in'(?=\s|$|[,.;:?!])/g, '$1ing')
    .replace(/\b(?:got |was )?(?:soaked|drenched) (?:the )?(?:worst|most|hardest)\b/g, 'had the most rain')
    // "Did the tide top 3.1 m": pass it, not the top of the tide.
    .replace(/\btop(?= -?\d[\d.,]*\s*(?:°c|m|mm|km\/h|hpa|%|tons|lbs)(?![a-z]))/g, 'exceed')
    .replace(LEARNERS_PAST, (w) => LEARNERS_PAST_TENSE[w] ?? w)
    // "Dry days", "days that stayed dry": days without rain. "Per diem" is a day.
    .replace(/\bdry days?\b/g, (w) => (w.endsWith('s') ? 'days with no rain' : 'day with no rain'))
    .replace(
      /\b(stayed|was|were|remained|kept|stay|stays|been) (?:completely |entirely |totally |quite )?dry\b/g,
      'had no rain',
    )
    .replace(/\bper diem\b/g, 'per day')
    // "I should be most grateful" ranks nothing.
    .replace(/\b(?:most|very) (grateful|obliged|kind|thankful|appreciative)\b/g, '$1')
    // "Days no rain in port logic": days with none.
    .replace(/^(how many |count |# ?)?days no\b/, (_m, lead?: string) => `${lead ?? ''}days with no`)
    // "I need both figures" asks for the answer's numbers, not two things on one day.
    .replace(/\bboth (figures|numbers|values|totals|amounts|sides|counts|sums)\b/g, 'each figure')
    // An analyst's "max(day) where …" is the last day it held, "min(day)" the first.
    .replace(/\bmax\s*\(\s*day\s*\)/g, 'the last day')
    .replace(/\bmin\s*\(\s*day\s*\)/g, 'the first day')
    // "The fourth week or the second", "the tenth day and the eleventh": the second is a week (a day) too.
    .replace(
      ORDINAL_ELLIPSIS,
      (_m, a: string, noun: string, joint: string, b: string) => `${a} ${noun}${joint}${b} ${noun}`,
    )
    .replace(/\bwhos\b/g, "who's")
    .replace(/\bhw\b/g, 'how')
    .replace(/\by'?day\b/g, 'yesterday')
    .replace(/\bbtwn\b|\bbtw\b|\bbetwixt\b/g, 'between')
    .replace(/\bw\/o\b/g, 'without')
    .replace(/\bw\/(?=\s)/g, 'with')
    // A child's spellings of the question words, real words of their own ("wen", "wat").
    .replace(/^wen\b/, 'when')
    .replace(/^wat\b/, 'what')
    .replace(/^wich\b/, 'which')
    .replace(/(^|\s)#\s*of\b/g, '$1number of')
    .replace(/(^|\s)#\s*(?=(?:distinct |separate |different )?days?\b)/g, '$1number of ')
    .replace(/\bwks?\b/g, (w) => (w === 'wk' ? 'week' : 'weeks'))
    .replace(/\b(this|last) mo\b/g, '$1 month')
    // "Sales to ships from overseas" go overseas.
    .replace(/\b(to|for) (?:the )?(?:ships?|traders?|merchants?|buyers?) from overseas\b/g, '$1 overseas')
    // Money runs against the goods: what the ships from overseas paid a town is its sales overseas,
    // what a town paid the overseas ships its purchases from overseas.
    .replace(
      /\b(?:the )?(?:ships?|traders?|merchants?|buyers?) from overseas (?:paid|pay|pays|gave|give|spent|spend)\b/g,
      'sales to overseas paid',
    )
    .replace(
      /\b(?:paid|pay|pays|spent|spend) (?:to )?(?:the )?overseas (?:ships?|traders?|merchants?|sellers?)\b/g,
      'paid for imports from overseas',
    )
    .replace(/\boverseas sales?\b/g, 'sales to overseas')
    // Ships from far away come from overseas.
    .replace(
      /\b(?:an? |the )?(?:ships?|traders?|merchants?|vessels?) from (?:far away|afar|abroad|distant lands|beyond the sea)\b|\b(?:an? |the )?(?:faraway|far-away|distant|foreign) (?:ships?|traders?|merchants?|vessels?)\b/g,
      'overseas ships',
    )
    // Gold a town got from the ships overseas is what they paid for its goods: its sales.
    .replace(
      /\b(get|got|gets|getting|receive[ds]?|earn(?:ed|s)?|make|made|take|took) (in )?from (?:the )?overseas ships\b/g,
      '$1 from sales to overseas',
    )
    // "Bought from an overseas ship", "sold to the overseas traders": from (to) overseas.
    .replace(
      /\b(from|to) (?:an? |the )?overseas (?:ships?|traders?|merchants?|vessels?|buyers?|sellers?)\b/g,
      '$1 overseas',
    )
    // A ledger's "credited to the harbour" is the harbour's own, not goods sent to it.
    .replace(/\b(credited|debited|charged|booked) to\b/g, '$1 at')
    .trim();
  const read = (written: string): Question => {
    // The time of the question proper, before one in the speaker's frame ("my players arrive
    // tomorrow - on how many days in the last 20 days …").
    const proper = unframed(written);
    // A time only the frame names is the question's, unless it is to come: "my players arrive
    // tomorrow" tells of the speaker's plans, not of what is asked.
    // The frame's own head ("for tonight's session I need to know —") is the speaker's; a time
    // between it and the question proper is the question's ("— this month, on how many days").
    const head = proper === written ? undefined : FRAME_HEAD.exec(written)?.[0];
    const framed = proper === written ? undefined : parseTime(written.slice(head?.length ?? 0), today);
    const time = parseTime(proper, today) ?? (framed && framed.range.from > today ? undefined : framed);
    // A framed question is read as the question proper, its "there" the frame's one town ("my
    // players arrive at the harbour tomorrow - what was the leanest day for fish caught there").
    const text =
      proper === written
        ? written
        : thereNamed(proper, written.slice(0, written.length - proper.length), vocab);
    const actor = actorIn(text, actors);
    // A name is not a number's word: "Greta Grog" asks nothing about grog.
    const named = actor?.toLowerCase().replace(/-/g, ' ');
    const unnamed = named ? text.replace(named, ' ') : text;
    return {
      raw: trimmed,
      text,
      core: coreOf(text, time?.said),
      towns: vocab.townsIn(text),
      metrics: ofNamed(
        ofHappening(vocab.metricsIn(unnamed), vocab.happeningIn(unnamed), unnamed, vocab),
        unnamed,
      ),
      happening: vocab.happeningIn(unnamed),
      time,
      actor,
      aggregate: aggregateIn(text),
    };
  };
  // A typo nearest to several words ("lst": last, list, lost) is the one of them that makes the
  // question say more (more words of its time, a town, a number, a happening), where only one does;
  // "rais" stays unread (raids and rains both say more).
  const says = (r: Question) =>
    (r.time?.said.split(' ').length ?? 0) +
    r.towns.length +
    r.metrics.length +
    Number(r.happening !== undefined);
  // Where several say as much, the one whose kind the question's other words describe ("the rais
  // on metal shipments": raids, which are on shipments; rain is not).
  for (const options of speller.tiedMends(lowered, people)) {
    const baseRead = read(speller.mend(lowered, people));
    const base = says(baseRead);
    const saying = options.map((o) => says(read(speller.mend(o.text, people))));
    const more = options.filter((_, i) => (saying[i] as number) > base);
    const asMuch = options.filter((_, i) => (saying[i] as number) >= base);
    const fitting =
      asMuch.length > 1
        ? bestFitting(asMuch, (o) => read(speller.mend(o.text, people)), baseRead, vocab)
        : [];
    const chosen = fitting.length === 1 ? fitting[0] : more.length === 1 ? more[0] : undefined;
    if (chosen) lowered = chosen.text;
  }
  const written = shorthandRead(speller.mend(lowered, people), vocab);
  let q = read(written);
  // An everyday word one slip from a world word ("how much ran fell", "gold lost at the pot") is
  // read as the world word only where the question as written names no number or no town, and
  // asks about the history in other ways (a time, a town, how much, the most): "who will win the
  // election" is not about the wind.
  const asksHistory = (r: Question) =>
    r.time || r.towns.length || r.aggregate || MAX_WORDS.test(r.text) || MIN_WORDS.test(r.text);
  // Each slip mended on top of those already read ("how much ran fell in the pot": rain, then the port).
  for (let mends = 0, text = written; mends < 3; mends++) {
    const acceptable = speller.realWordMends(text, people).filter((mend) => {
      // A word before a comparative is its verb: "who ran warmer", "which ran less humid".
      const after = text.slice(mend.at).replace(/^[a-z]+\s*/, '');
      if (
        /^(more|less|most|least|(?!(under|over|after|water|winter|summer|silver|timber|copper|never|ever)\b)[a-z]{3,}er|(?!(harvest|forest|west|rest|chest|interest|request|quest|contest)\b)[a-z]{3,}est)\b/.test(
          after,
        )
      )
        return false;
      const r = read(mend.text);
      if (mend.time) return !q.time && r.time !== undefined;
      // A word of the question's time is no slip ("week four" is not flour).
      if (q.time && (r.time?.range.from !== q.time.range.from || r.time?.range.to !== q.time.range.to))
        return false;
      if (mend.asked) return true;
      const namesNumber =
        !q.metrics.length &&
        (r.metrics.length > 0 || (r.happening !== undefined && r.happening !== q.happening)) &&
        asksHistory(q);
      // A town named once more ("trade in the miens and arrivals in the mines": each clause its town).
      const namesTown =
        vocab.townMentionsIn(r.text).length > vocab.townMentionsIn(q.text).length &&
        r.metrics.length === q.metrics.length &&
        r.happening === q.happening;
      // The word joins words the question as written already gives a number ("gold loost to the
      // pirates"), not a number of its own ("week four", not flour).
      const around = vocab.claimAround(r.text, mend.at, mend.at + mend.word.length);
      const joinsNumber =
        asksHistory(q) &&
        around !== undefined &&
        !vocab.claimsAny(q.text, mend.at, mend.at + 1) &&
        vocab.claimsAny(q.text, around[0], Math.min(around[1], mend.at));
      // It names the happening whose events carry the number asked ("crates taken in rids": raids).
      const kind =
        r.happening?.kind === undefined ? undefined : vocab.world.kindsByName.get(r.happening.kind);
      const namesItsKind =
        r.happening !== q.happening &&
        kind !== undefined &&
        q.metrics.some(
          (m) => kind.fields?.[m.key] === 'number' || kind.metrics?.some((k) => k.key === m.key),
        );
      // A word questions are made of ("lot") is a slip only where it makes another number of words
      // the question already gives ("gold lot to the pirates": gold lost, not gold taken in raids).
      if (mend.generic)
        return (
          joinsNumber && r.metrics.some((m) => !q.metrics.some((n) => n.key === m.key && n.kind === m.kind))
        );
      return namesNumber || namesTown || joinsNumber || namesItsKind;
    });
    const support = (mend: RealWordMend) => {
      const r = read(mend.text);
      const said = new Set(mend.text.match(/[a-z]+/g));
      const told = [...r.metrics.map((m) => m.label), r.happening?.phrase ?? ''].join(' ');
      return (told.match(/[a-z]{3,}/g) ?? []).filter((w) => w !== mend.word && said.has(w)).length;
    };
    const first = acceptable[0];
    if (first === undefined) break;
    // Of the words one slip from the same typo, the one the question's other words bear out
    // ("how many roes were made": ropes made, not ore mined); the nearest when none does.
    const rivals = acceptable.filter((mend) => mend.at === first.at);
    const accepted = rivals.reduce((best, mend) => (support(mend) > support(best) ? mend : best), first);
    q = read(accepted.text);
    text = accepted.text;
  }
  // What is ranked is read without the time's words ("since the record began" ranks nothing).
  // "The record" that shows something is the history, not a best ("did the record over days 19 to 25 show …").
  // "On record" is always the history ("the least rain on record, all told").
  const text = untimed(q)
    .replace(/\bon records?\b|\b(for|off) the record\b/g, ' ')
    // "Record the cheapest shipment": the verb, not a record.
    .replace(/\brecord (?=(the|a|an|each|every|all|both)\b)/g, ' ')
    .replace(
      /\b(the|in the) records?\b(?=\s+(?:show|shows|showed|say|says|said|over|for|of|from|book|books)\b|\s*$)/g,
      ' ',
    );
  // A learner's "the most small", "the most low tide": the least.
  if (MOST_OF_LITTLE.test(text)) q.superlative = 'min';
  else if (MAX_WORDS.test(text)) q.superlative = 'max';
  // The worst loss, the worst robbery, is the largest.
  // "The worst day for raid gold" is the least of it.
  else if (
    /\bworst\b[^?]*\b(loss|losses|loses|robbery|robberies|raid)\b/.test(text) &&
    !/\bworst (single )?(day|week) for\b|\bworst (\w+ ){0,3}day\b|\b(day|week)\b[^?]*\bworst for\b/.test(text)
  ) {
    q.superlative = 'max';
    if (q.aggregate === 'min') q.aggregate = 'max';
  } else if (MIN_WORDS.test(text)) q.superlative = 'min';
  q.unknownPlace = unknownPlaceIn(trimmed, actors, vocab);
  return q;
}
