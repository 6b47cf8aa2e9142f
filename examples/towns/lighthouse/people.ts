/** Lantern Rock's places, its keepers, and what they work on. */
import type { PersonDef, PlaceDef } from 'chronicle/town';

export const PLACES: readonly PlaceDef[] = [
  { slug: 'lamp-room', name: 'the Lamp Room', kind: 'workshop', capacity: 3 },
  { slug: 'jetty', name: 'the Rock Jetty', kind: 'dock', capacity: 6, open: [5, 21] },
  { slug: 'kettle', name: 'the Keepers’ Kettle', kind: 'tavern', capacity: 6, open: [11, 23] },
  { slug: 'terrace', name: 'the Gull Terrace', kind: 'square', capacity: 20 },
];

export const PEOPLE: readonly PersonDef[] = [
  {
    name: 'Agnes Wick',
    job: 'head keeper',
    roles: ['keeper', 'trader'],
    persona: 'watchful keeper who has not missed a dusk in thirty years',
    interests: { weather: 1, ships: 0.8, history: 0.5 },
    workplace: 'lamp-room',
    sociability: 0.4,
  },
  {
    name: 'Morwen Shingle',
    job: 'assistant keeper',
    roles: ['keeper', 'gatherer'],
    persona: 'young keeper who counts the ships and dreams of sailing one',
    interests: { ships: 1, music: 0.6, weather: 0.5 },
    workplace: 'lamp-room',
    sociability: 0.7,
  },
  {
    name: 'Corin Kelp',
    job: 'seaweed gatherer',
    roles: ['gatherer'],
    persona: 'cheerful gatherer who knows every rock pool by name',
    interests: { cooking: 0.8, fishing: 0.6, gossip: 0.7 },
    workplace: 'jetty',
    sociability: 0.8,
  },
];

export const TASKS: Readonly<Record<string, readonly string[]>> = {
  keeper: ['polishing the great lens', 'the logbook of passing ships'],
  gatherer: ['drying racks for the seaweed', 'a new path down to the rock pools'],
};
