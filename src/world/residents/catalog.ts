/**
 * The canonical residents' world: each town's places, the activities people do, the roads between
 * towns, and the people. Every named worker of the towns' rules is a resident here, so their work
 * is the towns' job log. `chronicle world init` stores this; a YAML file may override any part.
 */
import type { TownId } from '../types.ts';
import type {
  ActivityDef,
  LocationDef,
  LocationKind,
  ResidentDef,
  ResidentsConfig,
  RouteDef,
} from './types.ts';

const PL = 'port-logic' as TownId;
const PB = 'patchbourough' as TownId;
const CI = 'circuiton' as TownId;
const DT = 'den-of-thieves' as TownId;

const ALWAYS = [0, 24] as const;

function place(
  town: TownId,
  slug: string,
  name: string,
  kind: LocationKind,
  capacity: number,
  open: readonly [number, number] = ALWAYS,
): LocationDef {
  return { id: `${town}/${slug}`, town, name, kind, capacity, open };
}

/** A resident's home, named after them. */
export function homeId(town: string, name: string): string {
  return `${town}/home-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

const PUBLIC_PLACES: LocationDef[] = [
  place(PL, 'dock', 'the Fish Dock', 'dock', 12, [4, 20]),
  place(PL, 'net-loft', 'the Net Loft', 'workshop', 4, [7, 19]),
  place(PL, 'trade-hub', 'the Trade Hub', 'market', 20, [7, 19]),
  place(PL, 'salty-gull', 'the Salty Gull', 'tavern', 10, [11, 24]),
  place(PL, 'harbour-square', 'Harbour Square', 'square', 40),
  place(PB, 'fields', 'the River Fields', 'fields', 12, [6, 20]),
  place(PB, 'forge', "Stone's Forge", 'forge', 3, [8, 18]),
  place(PB, 'mill', 'the Water Mill', 'mill', 4, [7, 18]),
  place(PB, 'market', 'the Riverside Market', 'market', 20, [8, 18]),
  place(PB, 'mill-wheel-inn', 'the Mill Wheel Inn', 'tavern', 10, [11, 24]),
  place(PB, 'green', 'the Village Green', 'square', 40),
  place(CI, 'mine', 'the Deep Gallery', 'mine', 8),
  place(CI, 'academy', 'the Academy', 'academy', 15, [8, 18]),
  place(CI, 'workshop', "the Tinkers' Workshop", 'workshop', 4, [7, 20]),
  place(CI, 'assay-office', 'the Assay Office', 'market', 10, [8, 18]),
  place(CI, 'lamp-and-pick', 'the Lamp & Pick', 'tavern', 10, [11, 24]),
  place(CI, 'plaza', 'Gear Plaza', 'square', 40),
  place(DT, 'cove', 'Smugglers’ Cove', 'dock', 10),
  place(DT, 'drowned-rat', 'the Drowned Rat', 'tavern', 12),
  place(DT, 'fletchers-hut', "the Fletcher's Hut", 'workshop', 3, [7, 20]),
  place(DT, 'fence', "the Fence's Stall", 'market', 8, [9, 22]),
  place(DT, 'beach', 'the Bonfire Beach', 'square', 40),
];

export const DEFAULT_ACTIVITIES: ActivityDef[] = [
  { id: 'work', name: 'work', category: 'work', minutes: 60 },
  { id: 'task', name: 'task update', category: 'work', minutes: 15 },
  { id: 'meal', name: 'a meal out', category: 'social', minutes: 60 },
  { id: 'stroll', name: 'a stroll', category: 'wellness', minutes: 45 },
  { id: 'chat', name: 'a chat', category: 'social', minutes: 30 },
  { id: 'meeting', name: 'a meeting', category: 'social', minutes: 60 },
  { id: 'reflect', name: 'quiet reflection', category: 'wellness', minutes: 30 },
  { id: 'rest', name: 'rest at home', category: 'wellness', minutes: 60 },
  { id: 'journey', name: 'a journey', category: 'travel', minutes: 240 },
];

/** The roads people take; they travel lighter than the cargo on the same routes. */
export const DEFAULT_ROUTES: RouteDef[] = [
  { from: PL, to: PB, hours: 4, by: 'river barge' },
  { from: PB, to: CI, hours: 5, by: 'mountain road' },
  { from: PL, to: DT, hours: 3, by: 'smugglers’ skiff' },
];

type Person = Omit<ResidentDef, 'home' | 'town' | 'workplace'> & { workplace: string };

const PEOPLE: Record<string, Person[]> = {
  [CI]: [
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
  ],
  [PL]: [
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
  ],
  [PB]: [
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
  ],
  [DT]: [
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
  ],
};

function townResidents(town: TownId): ResidentDef[] {
  return (PEOPLE[town] ?? []).map((p) => ({
    ...p,
    town,
    home: homeId(town, p.name),
    workplace: `${town}/${p.workplace}`,
  }));
}

export const DEFAULT_RESIDENTS: ResidentDef[] = [PL, PB, CI, DT].flatMap(townResidents);

/** Everyone's home: one per resident, room for family and a visitor. */
function homesOf(residents: readonly ResidentDef[]): LocationDef[] {
  return residents.map((r) => ({
    id: r.home,
    town: r.town,
    name: `${r.name}'s home`,
    kind: 'home',
    capacity: 4,
    open: ALWAYS,
  }));
}

export const DEFAULT_CONFIG: ResidentsConfig = {
  locations: [...PUBLIC_PLACES, ...homesOf(DEFAULT_RESIDENTS)],
  activities: DEFAULT_ACTIVITIES,
  routes: DEFAULT_ROUTES,
  residents: DEFAULT_RESIDENTS,
};

/**
 * The first `n` residents, taken a town at a time in turn so every town gets its share. Beyond the
 * catalogue, more residents are made up (for large runs): each gets a name, a home and a job in a
 * town that has room.
 */
export function selectResidents(config: ResidentsConfig, n: number): ResidentsConfig {
  const byTown = new Map<string, ResidentDef[]>();
  for (const r of config.residents) byTown.set(r.town, [...(byTown.get(r.town) ?? []), r]);
  const queues = [...byTown.values()];
  const chosen: ResidentDef[] = [];
  for (let i = 0; chosen.length < n && queues.some((q) => i < q.length); i++) {
    for (const q of queues) {
      const r = q[i];
      if (r && chosen.length < n) chosen.push(r);
    }
  }
  const extra: ResidentDef[] = [];
  for (let i = 0; chosen.length + extra.length < n; i++) {
    const model = config.residents[i % config.residents.length] as ResidentDef;
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ''}`;
    extra.push({
      ...model,
      name,
      family: undefined,
      home: homeId(model.town, name),
      persona: `newcomer to ${model.town.replace(/-/g, ' ')}, a ${model.job} like ${model.name}`,
    });
  }
  const names = new Set([...chosen, ...extra].map((r) => r.name));
  const keep = (r: ResidentDef): ResidentDef =>
    r.family
      ? { ...r, family: Object.fromEntries(Object.entries(r.family).filter(([, who]) => names.has(who))) }
      : r;
  const residents = [...chosen, ...extra].map(keep);
  const homes = new Set(residents.map((r) => r.home));
  const otherHomes = new Set(config.residents.map((r) => r.home));
  return {
    ...config,
    locations: [
      ...config.locations.filter((l) => l.kind !== 'home' || homes.has(l.id) || !otherHomes.has(l.id)),
      ...homesOf(extra),
    ],
    residents,
  };
}

const FIRST = ['Abel', 'Bryn', 'Cora', 'Dell', 'Edda', 'Fitz', 'Gwen', 'Hugo', 'Isla', 'Jory', 'Kit', 'Lena'];
const LAST = ['Ashby', 'Birch', 'Cobb', 'Dunn', 'Elm', 'Fenn', 'Gray', 'Holt', 'Ives', 'Jarl'];
