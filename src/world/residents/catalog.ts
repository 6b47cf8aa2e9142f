/**
 * The canonical residents' world, gathered from the towns' folders: each town's places and people,
 * the activities people do, and the roads between towns. Every named worker of the towns' rules is
 * a resident here, so their work is the towns' job log. `chronicle world init` stores this; a YAML
 * file may override any part.
 */
import { WORLD } from '../map.ts';
import type { TownId } from '../types.ts';
import type { World } from '../world.ts';
import type { ActivityDef, LocationDef, ResidentDef, ResidentsConfig, RouteDef } from './types.ts';

const ALWAYS = [0, 24] as const;

/** A resident's home, named after them. */
export function homeId(town: string, name: string): string {
  return `${town}/home-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

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

const configs = new WeakMap<World, ResidentsConfig>();

/**
 * The residents' world of a World: each town's places and people as its folder declares them, a
 * home for everyone, and the roads people take (the routes' `people` legs).
 */
export function residentsConfigOf(world: World): ResidentsConfig {
  const known = configs.get(world);
  if (known) return known;
  const residents: ResidentDef[] = world.towns.flatMap((town) =>
    town.people.map((p) => ({
      ...p,
      town: town.id as TownId,
      home: homeId(town.id, p.name),
      workplace: `${town.id}/${p.workplace}`,
    })),
  );
  const places: LocationDef[] = world.towns.flatMap((town) =>
    town.places.map((p) => ({
      id: `${town.id}/${p.slug}`,
      town: town.id as TownId,
      name: p.name,
      kind: p.kind,
      capacity: p.capacity,
      open: p.open ?? ALWAYS,
    })),
  );
  const routes: RouteDef[] = world.routes.flatMap(({ from, leg }) =>
    leg.people ? [{ from: from as TownId, to: leg.to as TownId, ...leg.people }] : [],
  );
  const config = {
    locations: [...places, ...homesOf(residents)],
    activities: DEFAULT_ACTIVITIES,
    routes,
    residents,
  };
  configs.set(world, config);
  return config;
}

/** The residents of the built-in towns. */
export const DEFAULT_CONFIG: ResidentsConfig = residentsConfigOf(WORLD);

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
