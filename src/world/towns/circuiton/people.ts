/** The places Circuiton's residents use, the people who live there, and what they work on. */
import type { PersonDef, PlaceDef } from '../../town.ts';

export const PLACES: readonly PlaceDef[] = [
  { slug: 'mine', name: 'the Deep Gallery', kind: 'mine', capacity: 8 },
  { slug: 'academy', name: 'the Academy', kind: 'academy', capacity: 15, open: [8, 18] },
  { slug: 'workshop', name: "the Tinkers' Workshop", kind: 'workshop', capacity: 4, open: [7, 20] },
  { slug: 'assay-office', name: 'the Assay Office', kind: 'market', capacity: 10, open: [8, 18] },
  { slug: 'lamp-and-pick', name: 'the Lamp & Pick', kind: 'tavern', capacity: 10, open: [11, 24] },
  { slug: 'plaza', name: 'Gear Plaza', kind: 'square', capacity: 40 },
];

/** Each person's roles are the jobs they do in the town's rules; the first of a role is asked first. */
export const PEOPLE: readonly PersonDef[] = [
  {
    name: 'John',
    job: 'apprentice tinkerer',
    roles: ['apprentice'],
    persona: 'eager apprentice who turns scrap metal into trinkets and dreams of the sea',
    interests: { tinkering: 1, clockwork: 0.8, ships: 0.5, music: 0.3 },
    family: { aunt: 'Maren Knot' },
    workplace: 'workshop',
    sociability: 0.8,
  },
  {
    name: 'Ida Pike',
    job: 'miner',
    roles: ['miner'],
    persona: 'blunt shift leader who knows every seam of the Deep Gallery',
    interests: { mining: 1, weather: 0.5, cards: 0.6 },
    workplace: 'mine',
    sociability: 0.5,
  },
  {
    name: 'Master Elden Cogsworth',
    job: 'teacher at the Academy',
    roles: ['teacher'],
    persona: 'patient old master of clockwork who collects every apprentice’s first gear',
    interests: { clockwork: 1, teaching: 0.9, history: 0.6 },
    workplace: 'academy',
    sociability: 0.6,
  },
  {
    name: 'Vera Crucible',
    job: 'assayer and trader',
    roles: ['trader'],
    persona: 'sharp-eyed assayer who weighs every deal twice',
    interests: { trade: 1, metals: 0.8, gossip: 0.4 },
    workplace: 'assay-office',
    sociability: 0.7,
  },
  {
    name: 'Oskar Flint',
    job: 'miner',
    roles: ['miner'],
    persona: 'quiet giant who sings in the tunnels',
    interests: { mining: 0.9, music: 0.8, cooking: 0.4 },
    workplace: 'mine',
    sociability: 0.4,
  },
  {
    name: 'Professor Tilda Gearhart',
    job: 'teacher at the Academy',
    roles: ['teacher'],
    persona: 'restless inventor who teaches to fund her experiments',
    interests: { clockwork: 0.8, teaching: 0.6, ships: 0.5, weather: 0.4 },
    workplace: 'academy',
    sociability: 0.5,
  },
  {
    name: 'Bruna Shale',
    job: 'miner',
    roles: ['miner'],
    persona: 'young miner saving to leave the mountains',
    interests: { mining: 0.6, trade: 0.5, gossip: 0.7 },
    family: { cousin: 'Wendel Hay' },
    workplace: 'mine',
    sociability: 0.7,
  },
];

/** What a resident of each role works on between updates. */
export const TASKS: Readonly<Record<string, readonly string[]>> = {
  apprentice: ['an order of brass owls', 'a music box for the Academy', 'a set of compass needles'],
  miner: ['shoring up the east tunnel', 'a new seam in the Deep Gallery'],
  teacher: ['the term’s clockwork lessons', 'grading the apprentices’ gears'],
};
