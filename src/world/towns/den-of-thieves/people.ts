/** The places the Den of Thieves's residents use, the people who live there, and what they work on. */
import type { PersonDef, PlaceDef } from '../../town.ts';

export const PLACES: readonly PlaceDef[] = [
  { slug: 'cove', name: 'Smugglers’ Cove', kind: 'dock', capacity: 10 },
  { slug: 'drowned-rat', name: 'the Drowned Rat', kind: 'tavern', capacity: 12 },
  { slug: 'fletchers-hut', name: "the Fletcher's Hut", kind: 'workshop', capacity: 3, open: [7, 20] },
  { slug: 'fence', name: "the Fence's Stall", kind: 'market', capacity: 8, open: [9, 22] },
  { slug: 'beach', name: 'the Bonfire Beach', kind: 'square', capacity: 40 },
];

/** Each person's roles are the jobs they do in the town's rules; the first of a role is asked first. */
export const PEOPLE: readonly PersonDef[] = [
  {
    name: 'Captain Mara Blackwater',
    job: 'pirate captain',
    roles: ['captain'],
    persona: 'cold-eyed captain of the Black Gull who never lets a fat barge pass',
    interests: { ships: 1, plunder: 0.9, weather: 0.6 },
    workplace: 'cove',
    sociability: 0.5,
  },
  {
    name: 'One-Eyed Finn',
    job: 'quartermaster and fence',
    roles: ['quartermaster', 'trader'],
    persona: 'greedy quartermaster who sells stolen goods back to their owners',
    interests: { plunder: 0.8, trade: 0.9, cards: 0.7 },
    workplace: 'fence',
    sociability: 0.7,
  },
  {
    name: 'Greta Grog',
    job: 'tavern keeper',
    roles: ['keeper'],
    persona: 'tavern keeper who pours every pirate’s secrets with their rum',
    interests: { gossip: 1, cooking: 0.7, music: 0.6 },
    workplace: 'drowned-rat',
    sociability: 1,
  },
  {
    name: 'Bosun Rook',
    job: 'bosun',
    roles: ['bosun'],
    persona: 'grumbling bosun who keeps the Black Gull afloat with tar and curses',
    interests: { ships: 0.9, crafts: 0.6, cards: 0.5 },
    workplace: 'cove',
    sociability: 0.5,
  },
  {
    name: 'Skiv the Fletcher',
    job: 'fletcher',
    roles: ['fletcher'],
    persona: 'nervous fletcher who counts every arrow twice',
    interests: { crafts: 0.9, plunder: 0.4, music: 0.5 },
    workplace: 'fletchers-hut',
    sociability: 0.4,
  },
];

/** What a resident of each role works on between updates. */
export const TASKS: Readonly<Record<string, readonly string[]>> = {
  captain: ['the plan for the next raid', 'charts of the trade route'],
  quartermaster: ['sharing out the last loot', 'the powder stores'],
  keeper: ['the rum cellar', 'a new barrel of grog'],
  bosun: ['caulking the Black Gull', 'new rigging for the Black Gull'],
  fletcher: ['a rack of war arrows', 'new bowstrings'],
};
