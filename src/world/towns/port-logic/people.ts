/** The places Port Logic's residents use, the people who live there, and what they work on. */
import type { PersonDef, PlaceDef } from '../../town.ts';

export const PLACES: readonly PlaceDef[] = [
  { slug: 'dock', name: 'the Fish Dock', kind: 'dock', capacity: 12, open: [4, 20] },
  { slug: 'net-loft', name: 'the Net Loft', kind: 'workshop', capacity: 4, open: [7, 19] },
  { slug: 'trade-hub', name: 'the Trade Hub', kind: 'market', capacity: 20, open: [7, 19] },
  { slug: 'salty-gull', name: 'the Salty Gull', kind: 'tavern', capacity: 10, open: [11, 24] },
  { slug: 'harbour-square', name: 'Harbour Square', kind: 'square', capacity: 40 },
];

/** Each person's roles are the jobs they do in the town's rules; the first of a role is asked first. */
export const PEOPLE: readonly PersonDef[] = [
  {
    name: 'Hal Marsh',
    job: 'fisherman',
    roles: ['fisher'],
    persona: 'weathered fisherman who reads the sky before the sea',
    interests: { fishing: 1, weather: 0.9, cards: 0.4 },
    workplace: 'dock',
    sociability: 0.6,
  },
  {
    name: 'Maren Knot',
    job: 'net maker',
    roles: ['netmaker'],
    persona: 'tireless net maker who mends the whole harbour’s nets and its quarrels',
    interests: { crafts: 0.9, fishing: 0.5, gossip: 0.6 },
    family: { nephew: 'John' },
    workplace: 'net-loft',
    sociability: 0.8,
  },
  {
    name: 'Odile Quay',
    job: 'harbour trader',
    roles: ['trader'],
    persona: 'ambitious trader who knows every ship’s cargo before it docks',
    interests: { trade: 1, ships: 0.8, gossip: 0.5 },
    workplace: 'trade-hub',
    sociability: 0.7,
  },
  {
    name: 'Nell Brine',
    job: 'fisherwoman',
    roles: ['fisher'],
    persona: 'fearless fisherwoman who goes out when others stay in',
    interests: { fishing: 0.9, ships: 0.6, music: 0.4 },
    workplace: 'dock',
    sociability: 0.5,
  },
  {
    name: 'Silas Twine',
    job: 'rope maker',
    roles: ['netmaker'],
    persona: 'fussy rope maker proud of every knot',
    interests: { crafts: 1, history: 0.5, cooking: 0.5 },
    workplace: 'net-loft',
    sociability: 0.4,
  },
  {
    name: 'Tobias Reed',
    job: 'fisherman',
    roles: ['fisher'],
    persona: 'cheerful fisherman with a tale for every catch',
    interests: { fishing: 0.8, music: 0.7, cards: 0.6 },
    workplace: 'dock',
    sociability: 0.9,
  },
  {
    name: 'Bastian Cole',
    job: 'caravan trader',
    roles: ['trader'],
    persona: 'careful trader who fears the pirates more than the sea',
    interests: { trade: 0.9, weather: 0.5, history: 0.4 },
    workplace: 'trade-hub',
    sociability: 0.5,
  },
  {
    name: 'Ivo Gull',
    job: 'fisherman',
    roles: ['fisher'],
    persona: 'young fisherman who owes money to the wrong people',
    interests: { fishing: 0.6, cards: 0.9, ships: 0.5 },
    workplace: 'dock',
    sociability: 0.7,
  },
];

/** What a resident of each role works on between updates. */
export const TASKS: Readonly<Record<string, readonly string[]>> = {
  fisher: ['mending the boat’s hull', 'a record catch for the market'],
  netmaker: ['the harbour’s new trawl net', 'a hawser for the big ships'],
};
