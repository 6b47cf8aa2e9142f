/**
 * Conversations written offline: who says what follows from their personas, shared interests,
 * relationship, memories and the town's news. How a conversation goes (the score change) is decided
 * first, from the people alone, so every process that runs the residents agrees on it; the words
 * may then draw on news that only the town where it happens has heard.
 */
import type { Rng } from '../rng.ts';
import { chatLines, type Subject } from './lines.ts';
import type { Memory, ResidentDef } from './types.ts';
import { quote } from './wording.ts';

export interface ChatInput {
  a: ResidentDef;
  b: ResidentDef;
  /** Their relationship score before they talk. */
  score: number;
  /** What a remembers that bears on b. */
  recalled: readonly Memory[];
  /** Notable recent events of the town they are in, newest first. */
  news: readonly string[];
  placeName: string;
  summaryOnly: boolean;
}

export interface ChatOutcome {
  topic: string;
  transcript: string[];
  summary: string;
  delta: number;
  warm: boolean;
}

/** Interests both share, strongest first, with the weaker of the two weights. */
export function sharedInterests(a: ResidentDef, b: ResidentDef): [string, number][] {
  const out: [string, number][] = [];
  for (const [topic, w] of Object.entries(a.interests)) {
    const v = b.interests[topic];
    if (v !== undefined) out.push([topic, Math.min(w, v)]);
  }
  return out.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
}

export function isFamily(a: ResidentDef, b: ResidentDef): boolean {
  return Object.values(a.family ?? {}).includes(b.name) || Object.values(b.family ?? {}).includes(a.name);
}

/** How a talk between two people goes: warmer with shared interests, family and goodwill. */
export function chatDelta(
  a: ResidentDef,
  b: ResidentDef,
  score: number,
  rng: Rng,
): { delta: number; warm: boolean } {
  const shared = sharedInterests(a, b).reduce((s, [, w]) => s + w, 0);
  const chanceWarm = Math.min(
    0.95,
    0.7 + 0.12 * shared + (isFamily(a, b) ? 0.1 : 0) - (score < 0 ? 0.25 : 0),
  );
  const warm = rng.next() < chanceWarm;
  const delta = warm ? 1 + Math.round(2 * Math.min(shared, 1.5)) + rng.int(0, 2) : -(2 + rng.int(0, 4));
  return { delta, warm };
}

const TITLES = new Set(['Master', 'Professor', 'Captain', 'Bosun']);

/** How people address each other: "Ida", "Finn", "Master Cogsworth". */
export function addressOf(name: string): string {
  const parts = name.split(' ');
  const first = parts[0] ?? name;
  if (TITLES.has(first)) return `${first} ${parts.at(-1)}`;
  return first === 'One-Eyed' ? (parts.at(-1) ?? name) : first;
}

export function writeChat(
  input: ChatInput,
  rng: Rng,
  decided: { delta: number; warm: boolean },
): ChatOutcome {
  const { a, b, news, recalled } = input;
  const shared = sharedInterests(a, b);
  const roll = rng.next();
  let topic: string;
  let subject: Subject;
  if (news.length > 0 && roll < 0.4) {
    topic = 'the news';
    subject = { kind: 'news', text: news[0] as string };
  } else if (shared.length > 0 && roll < 0.85) {
    // Among the interests both share, the stronger ones come up more often.
    topic = pickWeighted(shared, rng.split('interest'));
    subject = { kind: 'interest', topic };
  } else if (recalled.length > 0) {
    topic = 'old times';
    subject = { kind: 'memory', text: (recalled[0] as Memory).text };
  } else {
    topic = Object.keys(a.interests)[0] ?? 'the weather';
    subject = { kind: 'own', topic };
  }
  const transcript = input.summaryOnly
    ? []
    : chatLines(
        {
          a,
          b,
          an: addressOf(a.name),
          bn: addressOf(b.name),
          score: input.score,
          warm: decided.warm,
          placeName: input.placeName,
          subject,
        },
        rng.split('lines'),
      );
  const how = decided.warm ? 'it went well' : 'it ended in a quarrel';
  const about = subject.kind === 'news' ? `the news (${quote(subject.text, 60)})` : topic;
  return {
    topic,
    transcript,
    summary: `${a.name} and ${b.name} talked about ${about} at ${input.placeName}; ${how}.`,
    delta: decided.delta,
    warm: decided.warm,
  };
}

/** One of the shared interests, by weight. */
function pickWeighted(shared: readonly [string, number][], rng: Rng): string {
  let roll = rng.next() * shared.reduce((s, [, w]) => s + w, 0);
  for (const [topic, w] of shared) {
    roll -= w;
    if (roll < 0) return topic;
  }
  return (shared.at(-1) as [string, number])[0];
}
