/** The places PatchBourough's residents use, the people who live there, and what they work on. */
import type { PersonDef, PlaceDef } from '../../town.ts';

export const PLACES: readonly PlaceDef[] = [
  { slug: 'fields', name: 'the River Fields', kind: 'fields', capacity: 12, open: [6, 20] },
  { slug: 'forge', name: "Stone's Forge", kind: 'forge', capacity: 3, open: [8, 18] },
  { slug: 'mill', name: 'the Water Mill', kind: 'mill', capacity: 4, open: [7, 18] },
  { slug: 'market', name: 'the Riverside Market', kind: 'market', capacity: 20, open: [8, 18] },
  { slug: 'mill-wheel-inn', name: 'the Mill Wheel Inn', kind: 'tavern', capacity: 10, open: [11, 24] },
  { slug: 'green', name: 'the Village Green', kind: 'square', capacity: 40 },
];

/** Each person's roles are the jobs they do in the town's rules; the first of a role is asked first. */
export const PEOPLE: readonly PersonDef[] = [
  {
    name: 'Ada Furrow',
    job: 'farmer',
    roles: ['farmer'],
    persona: 'steady farmer who plans the fields a season ahead',
    interests: { farming: 1, weather: 0.8, cooking: 0.5 },
    family: { husband: 'Piet Furrow' },
    workplace: 'fields',
    sociability: 0.6,
  },
  {
    name: 'Garrick Stone',
    job: 'blacksmith',
    roles: ['blacksmith'],
    persona: 'gruff blacksmith who forges the mountain’s picks',
    interests: { metals: 1, crafts: 0.7, mining: 0.4 },
    workplace: 'forge',
    sociability: 0.4,
  },
  {
    name: 'Rosalind Grist',
    job: 'miller',
    roles: ['miller'],
    persona: 'shrewd miller who hears all the valley’s news at her door',
    interests: { farming: 0.6, gossip: 0.9, trade: 0.6 },
    workplace: 'mill',
    sociability: 0.8,
  },
  {
    name: 'Tom Wheeler',
    job: 'barge trader',
    roles: ['trader'],
    persona: 'easygoing bargeman who takes the river at its own pace',
    interests: { trade: 0.8, ships: 0.6, music: 0.6 },
    workplace: 'market',
    sociability: 0.8,
  },
  {
    name: 'Piet Furrow',
    job: 'farmer',
    roles: ['farmer'],
    persona: 'soft-spoken farmer who talks to his crops',
    interests: { farming: 0.9, history: 0.5, cooking: 0.6 },
    family: { wife: 'Ada Furrow' },
    workplace: 'fields',
    sociability: 0.5,
  },
  {
    name: 'Wendel Hay',
    job: 'farmhand',
    roles: ['farmer'],
    persona: 'strong farmhand who would rather be a miner like his cousin',
    interests: { farming: 0.6, mining: 0.6, cards: 0.5 },
    family: { cousin: 'Bruna Shale' },
    workplace: 'fields',
    sociability: 0.7,
  },
  {
    name: 'Lettie Barrow',
    job: 'market trader',
    roles: ['trader'],
    persona: 'loud market trader with a price for everything',
    interests: { trade: 0.9, gossip: 0.8, cooking: 0.4 },
    workplace: 'market',
    sociability: 0.9,
  },
];

/** What a resident of each role works on between updates. */
export const TASKS: Readonly<Record<string, readonly string[]>> = {
  farmer: ['the north field’s ploughing', 'the winter seed stock'],
  blacksmith: ['a batch of mining picks', 'new hinges for the mill'],
  miller: ['the millstone’s dressing', 'the flour order for the mountain'],
};
