/**
 * How alive a stretch of history reads to someone watching it: which businesses could not work and
 * why, how many different sentences the towns tell, how often a town repeats itself within a day,
 * and how many events set today against the past. Read from the events alone, as a watcher would;
 * what counts as a business and as its output comes from the world's declarations.
 */
import { RECALL_FIELD, SENSOR_KIND } from '../src/world/kinds.ts';
import { rested } from '../src/world/memory.ts';
import { RESIDENT_KINDS } from '../src/world/residents/events.ts';
import type { EventKindDef } from '../src/world/town.ts';
import type { TownEvent, Update } from '../src/world/types.ts';
import type { World } from '../src/world/world.ts';

export interface Business {
  town: string;
  kind: string;
  /** Updates in which it reported. */
  updates: number;
  /** Updates in which it brought in nothing (every output it declares was zero) and did not rest by choice. */
  idle: number;
  /** Updates in which it rested by choice (a flag declared `rest`: the flour bins were full). */
  rested: number;
  /** Why, by the sentence that said so (numbers and the worker masked), most told first. */
  reasons: [reason: string, count: number][];
}

export interface Liveliness {
  days: number;
  jobEvents: number;
  businesses: Business[];
  /** Different job sentences, numbers masked. */
  distinct: number;
  /** Share of job events whose masked sentence the same town already told that day. */
  repeatedWithinDay: number;
  /** Share of job events that set today against the past (they carry `recall`). */
  remembering: number;
  /** The job sentences told most often, masked, with their counts. */
  commonest: [sentence: string, count: number][];
}

/** A sentence with its numbers masked, so "caught 12 fish" and "caught 40 fish" are one sentence. */
export const masked = (text: string) => text.replace(/\d+(?:[.,]\d+)*/g, '#');

/** What a sentence says about why nothing came of the work: the part after its colon, or all of it. */
function reasonOf(event: TownEvent): string {
  let text = masked(event.text);
  if (event.actor) text = text.split(event.actor).join('…');
  const colon = text.indexOf(': ');
  return (colon >= 0 ? text.slice(colon + 2) : text).replace(/\.$/, '');
}

export class LivelinessMeter {
  private readonly outputs = new Map<string, { kind: EventKindDef; keys: readonly string[] }>();
  private readonly businesses = new Map<string, { b: Business; reasons: Map<string, number> }>();
  private readonly sentences = new Map<string, number>();
  private readonly toldToday = new Map<string, Set<string>>();
  private readonly days = new Set<number>();
  private jobEvents = 0;
  private repeated = 0;
  private remembering = 0;

  constructor(world: World) {
    for (const kind of world.kinds) {
      const outputs = (kind.metrics ?? []).filter((m) => m.measure === 'output').map((m) => m.key);
      if (outputs.length > 0 && kind.kind !== 'loss') this.outputs.set(kind.kind, { kind, keys: outputs });
    }
  }

  add(update: Update): void {
    this.days.add(update.day);
    const todayKey = `${update.town}:${update.day}`;
    let told = this.toldToday.get(todayKey);
    if (!told) {
      // Only today's sets are needed: drop the town's earlier days as a new one starts.
      for (const key of this.toldToday.keys())
        if (key.startsWith(`${update.town}:`)) this.toldToday.delete(key);
      told = new Set();
      this.toldToday.set(todayKey, told);
    }
    for (const event of update.events) {
      if (event.kind === SENSOR_KIND || RESIDENT_KINDS.has(event.kind)) continue;
      this.jobEvents++;
      const sentence = masked(event.text);
      this.sentences.set(sentence, (this.sentences.get(sentence) ?? 0) + 1);
      if (told.has(sentence)) this.repeated++;
      else told.add(sentence);
      if (event.data[RECALL_FIELD] !== undefined) this.remembering++;
      const business = this.outputs.get(event.kind);
      if (!business) continue;
      const key = `${update.town}/${event.kind}`;
      let entry = this.businesses.get(key);
      if (!entry) {
        entry = {
          b: { town: update.town, kind: event.kind, updates: 0, idle: 0, rested: 0, reasons: [] },
          reasons: new Map(),
        };
        this.businesses.set(key, entry);
      }
      entry.b.updates++;
      if (rested(business.kind, event)) entry.b.rested++;
      else if (business.keys.every((k) => !(Number(event.data[k]) > 0))) {
        entry.b.idle++;
        const reason = reasonOf(event);
        entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + 1);
      }
    }
  }

  result(): Liveliness {
    const byCount = <K>(m: Map<K, number>) => [...m].sort((a, b) => b[1] - a[1]);
    return {
      days: this.days.size,
      jobEvents: this.jobEvents,
      businesses: [...this.businesses.values()].map(({ b, reasons }) => ({
        ...b,
        reasons: byCount(reasons),
      })),
      distinct: this.sentences.size,
      repeatedWithinDay: this.repeated / Math.max(1, this.jobEvents),
      remembering: this.remembering / Math.max(1, this.jobEvents),
      commonest: byCount(this.sentences).slice(0, 5),
    };
  }
}
