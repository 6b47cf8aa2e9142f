/**
 * One resident's page (GET /api/residents/:id): who they are from the catalogue, where they are
 * from the stream, and what the residents' store kept of their days: the agenda, those they know
 * best and worst with the talks between them, memories, reflections and conversations.
 */
import type {
  ResidentMemory,
  ResidentPage,
  ResidentPlace,
  ResidentTalk,
  ResidentTie,
  Whereabouts,
} from '../events/contracts.ts';
import type { ResidentStore, StoredMemory } from '../store/residents.ts';
import { worldTimeOf } from '../world/clock.ts';
import type { Conversation, ResidentDef, ResidentsConfig } from '../world/residents/types.ts';

/** How many of each list a page shows. */
export const PAGE_LIMITS = { ties: 3, talksPerTie: 3, memories: 12, reflections: 6, conversations: 20 };

const NOT_REFLECTIONS = ['observation', 'conversation', 'plan', 'task'] as const;

export interface PageInput {
  config: ResidentsConfig;
  resident: ResidentDef;
  now: Whereabouts;
  /** The world time now (days since the start of day 1). */
  t: number;
  /** The residents' store, when the aggregator has one. */
  store: ResidentStore | undefined;
}

export async function residentPage({ config, resident, now, t, store }: PageInput): Promise<ResidentPage> {
  const locations = new Map(config.locations.map((l) => [l.id, l]));
  const activities = new Map(config.activities.map((a) => [a.id, a.name]));
  const place = (id: string): ResidentPlace => ({ id, name: locations.get(id)?.name ?? null });
  const talk = (c: Conversation): ResidentTalk => ({
    id: c.id,
    kind: c.kind,
    day: c.day,
    hour: c.hour,
    town: c.town,
    location: place(c.location),
    participants: c.participants,
    topic: c.topic,
    summary: c.summary,
    transcript: c.transcript,
    delta: c.delta,
  });
  const memory = (m: StoredMemory): ResidentMemory => ({
    day: m.day,
    // To the tenth of an hour, as events tell time (a float's day fraction is not exact).
    hour: Math.max(0, Math.round((m.t - (m.day - 1)) * 240) / 10),
    kind: m.kind,
    text: m.text,
    importance: m.importance,
  });
  const name = resident.name;
  const { day: today, hour } = worldTimeOf(t);

  const [ties, memories, reflections, talks, stored] = store
    ? await Promise.all([
        store.relationshipsOf(name),
        store.memories(name, { kinds: NOT_REFLECTIONS, last: PAGE_LIMITS.memories }),
        store.memories(name, { kinds: ['reflection'], last: PAGE_LIMITS.reflections }),
        store.conversations({ resident: name, last: PAGE_LIMITS.conversations }),
        store.agenda(name, today),
      ])
    : [[], [], [], [], undefined];
  const tie = async (other: { other: string; score: number }): Promise<ResidentTie> => ({
    name: other.other,
    score: other.score,
    talks: store
      ? (await store.conversations({ resident: name, with: other.other, last: PAGE_LIMITS.talksPerTie }))
          .reverse()
          .map(talk)
      : [],
  });
  const strongest = ties.filter((r) => r.score > 0).slice(0, PAGE_LIMITS.ties);
  const strained = ties
    .filter((r) => r.score < 0)
    .reverse()
    .slice(0, PAGE_LIMITS.ties);

  const agenda = stored
    ? {
        day: stored.day,
        today: stored.day === today,
        slots: stored.slots.map((s) => ({
          tick: s.tick,
          hour: s.hour,
          activity: activities.get(s.activity) ?? s.activity,
          location: place(s.location),
          partner: s.partner ?? null,
        })),
      }
    : null;

  let going: ResidentPage['going'] = null;
  if (now.travelling) going = { town: now.travelling.to, location: null, hour: null, activity: null };
  else if (agenda?.today) {
    const next = agenda.slots.find(
      (s) => s.hour !== null && s.hour > hour && s.location.id && s.location.id !== now.location,
    );
    const town = next ? locations.get(next.location.id)?.town : undefined;
    if (next && town) going = { town, location: next.location, hour: next.hour, activity: next.activity };
  }

  return {
    name,
    job: resident.job,
    roles: resident.roles,
    persona: resident.persona,
    interests: resident.interests,
    family: resident.family ?? {},
    town: resident.town,
    home: place(resident.home),
    workplace: place(resident.workplace),
    now,
    going,
    agenda,
    relationships: {
      strongest: await Promise.all(strongest.map(tie)),
      strained: await Promise.all(strained.map(tie)),
    },
    memories: memories.reverse().map(memory),
    reflections: reflections.reverse().map(memory),
    conversations: talks.reverse().map(talk),
  };
}
