/**
 * What the agent knows the world's words mean, derived from the towns a World declares: the towns
 * by name and by what people call them, every number their jobs and sensors report, and the
 * happenings people ask about. Pure data and matching; no store, no I/O.
 */
import pluralize from 'pluralize';
import { COMMON_KINDS, emitsCommon, RAID_KIND, SENSOR_KIND } from '../world/kinds.ts';
import { escapeRegExp } from '../world/text.ts';
import type { Aggregate, EventKindDef, MetricDef } from '../world/town.ts';
import type { World } from '../world/world.ts';

export type { Aggregate };

/** A town as questions name it. */
export interface Town {
  id: string;
  name: string;
  description: string;
  /** Its name and everything people call it, as whole words. */
  words: RegExp;
}

export interface Metric {
  key: string;
  /** What it counts, as an answer says it: "ore mined". */
  label: string;
  unit: string;
  /** Decimals the events carry, so sums are exact at this precision. */
  decimals: number;
  /** Words that name it in a question. */
  words: RegExp;
  /** The towns that report it. */
  towns: readonly string[];
  /** The job (event kind) that reports it; events of other kinds may carry the same key. */
  kind: string | undefined;
  /** A sensor reading (averaged), not a job's output (added up). */
  sensor: boolean;
  /** What "how much" means for it. */
  natural: Aggregate;
  /** The town's main product: what "a big day" is measured by. */
  main?: boolean;
  /** Declared by the kinds every town emits (weather, trade, losses), not by one town's jobs. */
  shared: boolean;
  /** What an amount is of, where the unit alone does not say: "tons of ore". */
  noun?: string;
}

/** Something that happens, as a test on one event: of its kind, with its number at least `min`. */
export interface Happening {
  name: string;
  /** How an answer says it happened: "the mine flooded". */
  phrase: string;
  words: RegExp;
  /** The towns whose events can hold it, and the one town when only one can. */
  towns: readonly string[];
  town?: string;
  kind?: string;
  /** The event's number (or flag, 1 when set) that must be at least `min` (or at most `max`). */
  metric?: string;
  min?: number;
  max?: number;
  /** A flag its events carry (data[flag] = 1), not a number's threshold. */
  flag?: boolean;
  /** The whole town hears of it. */
  news?: boolean;
  /** A weather reading's happening (it rained), not news. */
  weather?: boolean;
}

/** Every word of a text in the singular, for words declared in the singular (pluralize's rules). */
const singularOf = (text: string) => text.replace(/[a-z]{4,}/g, (w) => pluralize.singular(w));

export class Vocabulary {
  readonly towns: readonly Town[];
  readonly ids: readonly string[];
  /** In the order words are claimed: the common kinds' metrics, then each town's. */
  readonly metrics: readonly Metric[];
  /** In the order they are tried: each town's own, then the common ones, narrower kinds first. */
  readonly happenings: readonly Happening[];
  /** The towns that go raiding, and what a raid is at the town it hit (a robbed shipment). */
  readonly raiders: readonly string[];
  readonly robbery: Happening | undefined;
  /** Nouns for one event of any kind ("a haul", "one reaping"), from the kinds' `one` words. */
  readonly oneEvent: RegExp;
  private readonly names = new Map<string, string>();
  private readonly byKey = new Map<string, Metric>();
  private readonly globalWords = new Map<RegExp, RegExp>();
  /** Each town's name as a pattern of every place it is written. */
  private readonly namePatterns = new Map<string, RegExp>();
  private readonly kindNews = new Map<string, boolean>();

  constructor(readonly world: World) {
    this.towns = world.towns.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      words: new RegExp(`\\b(?:${escapeRegExp(t.name.toLowerCase())}|${t.aliases})\\b`),
    }));
    this.ids = this.towns.map((t) => t.id);
    for (const t of this.towns) this.names.set(t.id, t.name);

    const carriers = (k: EventKindDef) => world.towns.filter((t) => emitsCommon(t, k)).map((t) => t.id);
    const metrics: { def: MetricDef; kind: string | undefined; towns: readonly string[]; shared: boolean }[] =
      [];
    for (const k of COMMON_KINDS)
      for (const def of k.metrics ?? [])
        metrics.push({ def, kind: k.kind, towns: carriers(k), shared: true });
    for (const t of world.towns) {
      for (const k of t.kinds)
        for (const def of k.metrics ?? []) metrics.push({ def, kind: k.kind, towns: [t.id], shared: false });
      for (const def of t.readings ?? [])
        metrics.push({ def, kind: SENSOR_KIND, towns: [t.id], shared: false });
    }
    for (const { def, kind, towns, shared } of metrics) {
      const known = this.byKey.get(def.key);
      if (known) {
        // Two towns that report the same number: one metric, reported by both.
        known.towns = [...new Set([...known.towns, ...towns])];
        if (known.kind !== kind) known.kind = undefined;
        continue;
      }
      this.byKey.set(def.key, metricOf(def, kind, towns, shared));
    }
    this.metrics = [...this.byKey.values()];
    // A unit only one number is measured in names it: "over 9 °C", "above 1000 hPa".
    const units = new Map<string, number>();
    for (const m of this.metrics) units.set(m.unit, (units.get(m.unit) ?? 0) + 1);
    for (const m of this.metrics)
      if (units.get(m.unit) === 1 && m.unit.length > 1)
        m.words = new RegExp(
          `${m.words.source}|(?<![\\w°])${escapeRegExp(m.unit.toLowerCase())}(?![\\w/])`,
          m.words.flags,
        );

    const ones = world.kinds.flatMap((k) => (k.one ? [`(?:${k.one.source})`] : []));
    this.oneEvent = new RegExp(ones.join('|') || '(?!)');

    const kindsOf = (id: string) => world.rules(id).kinds;
    const emitters = (kind: string) => this.ids.filter((id) => kindsOf(id).some((k) => k.kind === kind));
    // A kind that carries all of another's fields and more is a narrower event (a shipment that
    // arrived or was robbed is a shipment): its words are tried first.
    const common = [...COMMON_KINDS].sort(
      (a, b) => Object.keys(b.fields ?? {}).length - Object.keys(a.fields ?? {}).length,
    );
    const happenings = new Map<string, Happening>();
    const add = (k: EventKindDef, towns: readonly string[]) => {
      this.kindNews.set(k.kind, k.news === true);
      // A flag is set to 1 on the events it marks: the mine flooded, a storm blew.
      for (const f of k.flags ?? [])
        addHappening(happenings, {
          name: f.key,
          phrase: f.phrase,
          words: withKey(f.words, f.key, 'flag'),
          towns,
          kind: k.kind,
          metric: f.key,
          min: 1,
          flag: true,
          ...(f.news ? { news: true } : {}),
        });
      for (const [i, h] of (k.happenings ?? []).entries()) {
        const weather = h.metric !== undefined && this.byKey.get(h.metric)?.sensor === true;
        addHappening(happenings, {
          ...h,
          // The kind's first happening is also named by the kind: "loss events", "a raid event".
          words: i === 0 ? withKey(h.words, k.kind, 'events?') : h.words,
          towns,
          kind: k.kind,
          ...(k.news ? { news: true } : {}),
          ...(weather ? { weather: true } : {}),
        });
      }
    };
    for (const t of world.towns) for (const k of t.kinds) add(k, emitters(k.kind));
    for (const k of common) add(k, carriers(k));
    this.happenings = [...happenings.values()];

    this.raiders = world.raiders;
    const robbed = COMMON_KINDS.find((k) => k.fields?.raider === 'town');
    this.robbery = this.happenings.find((h) => robbed && h.kind === robbed.kind);
  }

  /** A town's name as people say it, from its id (an unknown id as it is). */
  name(id: string): string {
    return this.names.get(id) ?? id;
  }

  metric(key: string): Metric | undefined {
    return this.byKey.get(key);
  }

  happening(name: string): Happening | undefined {
    return this.happenings.find((h) => h.name === name);
  }

  /** A town's main product: what its big days are measured by. */
  mainOf(town: string): Metric | undefined {
    return this.metrics.find((m) => m.main && m.towns.includes(town));
  }

  /** Whether every event of this kind is news the whole town hears (a raid). */
  isNewsKind(kind: string): boolean {
    return this.kindNews.get(kind) ?? false;
  }

  /** Whether a happening is the kind of raid that, asked of another town, is that town's losses. */
  isRaid(h: Happening): boolean {
    return h.kind === RAID_KIND;
  }

  /**
   * The towns a question names, in the order it names them, each once. A town's word inside the
   * words of a number or a happening is theirs: "gold lost to the pirates at the port" names the
   * port only.
   */
  townsIn(
    text: string,
    claimed: readonly (readonly [number, number, string?])[] = this.claimedSpans(text),
  ): string[] {
    return [...new Set(this.townMentionsIn(text, claimed).map((m) => m.id))];
  }

  /** Every place a question names a town, in order (a town named twice is there twice). */
  townMentionsIn(
    text: string,
    claimed: readonly (readonly [number, number, string?])[] = this.claimedSpans(text),
  ): { id: string; at: number }[] {
    const found: { id: string; at: number }[] = [];
    for (const t of this.towns) {
      // Its name is always the town, also where a nickname inside it ("the den") is another's word.
      const named = [...text.matchAll(this.everyName(t))];
      for (const m of named) found.push({ id: t.id, at: m.index });
      for (const m of text.matchAll(this.everyWord(t))) {
        const end = m.index + m[0].length;
        if (named.some((n) => n.index <= m.index && m.index < n.index + n[0].length)) continue;
        // Only what people call a town is borrowed by other words; its name is always the town.
        // Only a nickname the other words name themselves ("lost to the pirates"), not one that falls
        // between them ("gold did the port earn").
        const said = m[0].split(/\s+/).at(-1) as string;
        if (
          m[0] !== t.name.toLowerCase() &&
          claimed.some(
            ([a, b, words]) =>
              a <= m.index &&
              end <= b &&
              // The nickname as a word of the claim's own ("pirates"), not inside another ("exports").
              (words === undefined || new RegExp(`(?<![a-z])${escapeRegExp(said)}(?![a-z])`).test(words)),
          )
        )
          continue;
        found.push({ id: t.id, at: m.index });
      }
    }
    return found.sort((a, b) => a.at - b.at);
  }

  /** The metrics a question names, in the order it names them, each once. */
  metricsIn(text: string): Metric[] {
    return this.claimsOf(text).map((f) => f.m);
  }

  /** A town's name as a global pattern, made once: every place the question writes it. */
  private everyName(t: Town): RegExp {
    let every = this.namePatterns.get(t.id);
    if (!every) {
      every = new RegExp(`\\b${escapeRegExp(t.name.toLowerCase())}\\b`, 'g');
      this.namePatterns.set(t.id, every);
    }
    return every;
  }

  /** A town's words as a global pattern, made once: every place the question names it. */
  private everyWord(t: Town): RegExp {
    return this.everyMatch(t.words);
  }

  /** A pattern made global, once: every place it matches. */
  private everyMatch(words: RegExp): RegExp {
    let every = this.globalWords.get(words);
    if (!every) {
      every = new RegExp(words.source, `${words.flags.replace('g', '')}g`);
      this.globalWords.set(words, every);
    }
    return every;
  }

  /** Where numbers' and a happening's words are, with the words their patterns spell out. */
  /** The span of the number's or happening's words that take in the whole of text[from, to), if any. */
  claimAround(text: string, from: number, to: number): readonly [number, number] | undefined {
    const span = this.claimedSpans(text).find(([a, b]) => a <= from && to <= b);
    return span && [span[0], span[1]];
  }

  /** Whether a number's or a happening's words take in any of text[from, to). */
  claimsAny(text: string, from: number, to: number): boolean {
    return this.claimedSpans(text).some(([a, b]) => from < b && a < to);
  }

  private claimedSpans(text: string): [number, number, string][] {
    const spans: [number, number, string][] = this.claimsOf(text).map((f) => [...f.span, f.m.words.source]);
    const h = this.happeningIn(text);
    const m = h?.words.exec(text);
    if (h && m) spans.push([m.index, m.index + m[0].length, h.words.source]);
    return spans;
  }

  private claimsOf(written: string): { m: Metric; at: number; span: [number, number] }[] {
    const text = this.withoutNicknames(written);
    const taken: { m: Metric; at: number; span: [number, number] }[] = [];
    const free = (span: [number, number]) => !taken.some(({ span: [a, b] }) => span[0] < b && a < span[1]);
    // Where two numbers' words overlap, the closer-knit words win ("gold lost" inside "gold lost to
    // the pirates … and its daily trade"), but a single word loses to any reach ("gold" to "gold did
    // the port earn"); words as close as two are ordered by the metrics themselves: a word belongs
    // to the first metric that claims it ("lost … gold", twice, is a loss both times, not a raid's
    // gold). What is left free is read again, so a later metric takes
    // its words from inside a longer reach that lost ("… and its trade income").
    for (let round = 0; round < 3; round++) {
      const candidates: { m: Metric; order: number; span: [number, number]; size: number }[] = [];
      this.metrics.forEach((m, order) => {
        // Every match in the words left free, each read against the whole question (its lookarounds
        // see the words taken too): one that runs into taken words is tried again a letter on.
        const every = this.everyMatch(m.words);
        every.lastIndex = 0;
        for (let match = every.exec(text); match; match = every.exec(text)) {
          const span: [number, number] = [match.index, match.index + match[0].length];
          if (!free(span)) {
            every.lastIndex = match.index + 1;
            continue;
          }
          const words = match[0].split(/\s+/).length;
          candidates.push({ m, order, span, size: words === 1 ? Infinity : Math.max(words, 2) });
          if (match[0].length === 0) every.lastIndex++;
        }
      });
      if (candidates.length === 0) break;
      candidates.sort((a, b) => a.size - b.size || a.order - b.order || a.span[0] - b.span[0]);
      for (const c of candidates) if (free(c.span)) taken.push({ m: c.m, at: c.span[0], span: c.span });
    }
    // Each metric once, where it is first named.
    const first = new Map<Metric, { m: Metric; at: number; span: [number, number] }>();
    for (const c of taken.sort((a, b) => a.at - b.at)) if (!first.has(c.m)) first.set(c.m, c);
    return [...first.values()];
  }

  /**
   * The text with each nickname of several words blanked out, letter for letter, so that a number's
   * words do not claim them: "the fishing port" is Port Logic, not fish.
   */
  private withoutNicknames(text: string): string {
    let out = text;
    for (const t of this.towns)
      for (const m of text.matchAll(this.everyWord(t)))
        if (m[0].replace(/^the /, '').includes(' ') && m[0] !== t.name.toLowerCase())
          out = out.slice(0, m.index) + m[0].replace(/[a-z]/g, '_') + out.slice(m.index + m[0].length);
    return out;
  }

  /** The happening a question names, its words also read in the singular ("fine hauls" is a fine haul). */
  happeningIn(written: string): Happening | undefined {
    const text = this.withoutNicknames(written);
    const single = singularOf(text);
    return this.happenings.find((h) => h.words.test(text) || h.words.test(single));
  }
}

function metricOf(
  def: MetricDef,
  kind: string | undefined,
  towns: readonly string[],
  shared: boolean,
): Metric {
  const sensor = def.measure === 'reading';
  const natural = def.natural ?? (sensor ? 'mean' : 'sum');
  // An amount that adds up, in a unit that is not the thing itself (tons, lbs, mm), says what of.
  const unitWord = new RegExp(`\\b${escapeRegExp(def.unit)}\\b`);
  const noun = natural === 'sum' && !unitWord.test(def.label) ? def.label.split(' ')[0] : undefined;
  return {
    key: def.key,
    label: def.label,
    unit: def.unit,
    decimals: def.decimals,
    words: withKey(def.words, def.key),
    towns,
    kind,
    sensor,
    natural,
    shared,
    ...(def.main ? { main: true } : {}),
    ...(noun ? { noun } : {}),
  };
}

/**
 * A number's, flag's or kind's words, with its declared key too, as an analyst writes it
 * ("rain_mm", "fine_haul flag", "loss event"): the key's underscores may be spaces, and `suffix`
 * may follow it.
 */
function withKey(words: RegExp, key: string, suffix?: string): RegExp {
  const name = escapeRegExp(key.toLowerCase()).replace(/_/g, '[_ ]');
  return new RegExp(`${words.source}|\\b${name}${suffix ? `(?: ${suffix})?` : ''}\\b`, words.flags);
}

/** The first declaration of a name stands; another town's of the same name adds its towns. */
function addHappening(into: Map<string, Happening>, h: Omit<Happening, 'town'>): void {
  const known = into.get(h.name);
  const towns = known ? [...new Set([...known.towns, ...h.towns])] : h.towns;
  const kind = known && known.kind !== h.kind ? undefined : h.kind;
  const merged: Happening = { ...(known ?? h), towns, kind };
  if (towns.length === 1) merged.town = towns[0];
  else delete merged.town;
  into.set(h.name, merged);
}

const memo = new WeakMap<World, Vocabulary>();

/** The vocabulary of a world, worked out once per world. */
export function vocabularyOf(world: World): Vocabulary {
  let v = memo.get(world);
  if (!v) {
    v = new Vocabulary(world);
    memo.set(world, v);
  }
  return v;
}

/** A happening made of a metric: "Did they mine ore?" means an ore report above zero. */
export function happeningOfMetric(m: Metric): Happening {
  return {
    name: m.key,
    phrase: `${m.label} were recorded`,
    words: m.words,
    kind: m.kind,
    metric: m.key,
    min: m.sensor ? Number.NEGATIVE_INFINITY : 10 ** -Math.max(m.decimals, 0),
    towns: m.towns,
    ...(m.towns.length === 1 ? { town: m.towns[0] } : {}),
  };
}
