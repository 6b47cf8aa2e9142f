/**
 * The residents' files: a YAML (or JSON) catalogue that overrides the canonical one, and scenario
 * files of scripted events. Both are checked against the world before anything runs, and an error
 * names the field that is wrong.
 */
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { homeId, residentsConfigOf } from '../world/residents/catalog.ts';
import { PLACE_KINDS, type ResidentsConfig, type Scenario } from '../world/residents/types.ts';
import type { TownId } from '../world/types.ts';
import type { World } from '../world/world.ts';

const MAX_FILE_BYTES = 1 << 20;

// Which towns exist is the world's to say: checkConfig holds each name against it.
const Town = z.custom<TownId>((t) => typeof t === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(t), {
  message: 'a town id',
});
const Hour = z.number().min(0).max(24);
const Name = z.string().trim().min(1).max(80);

const LocationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a location id, <town>/<place>'),
  town: Town,
  name: Name,
  kind: z.enum(['home', ...PLACE_KINDS]),
  capacity: z.number().int().min(1).max(10_000),
  open: z.tuple([Hour, Hour]).default([0, 24]),
});

const ResidentSchema = z.strictObject({
  name: Name,
  town: Town,
  job: Name,
  roles: z.array(z.string()).max(8).default([]),
  persona: z.string().min(1).max(400),
  interests: z.record(z.string().min(1).max(40), z.number().gt(0).max(1)).default({}),
  family: z.record(z.string().min(1).max(40), Name).optional(),
  home: z.string().optional(),
  workplace: z.string(),
  sociability: z.number().min(0).max(1).default(0.5),
});

const ConfigFileSchema = z.strictObject({
  locations: z.array(LocationSchema).max(10_000).optional(),
  activities: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(40),
        name: Name,
        category: z.enum(['work', 'social', 'wellness', 'travel']),
        minutes: z.number().int().min(1).max(1440),
      }),
    )
    .optional(),
  routes: z
    .array(z.strictObject({ from: Town, to: Town, hours: z.number().gt(0).max(240), by: Name }))
    .optional(),
  residents: z.array(ResidentSchema).min(1).max(10_000).optional(),
});

const ScenarioSchema = z.strictObject({
  name: Name,
  description: z.string().max(2000).default(''),
  events: z
    .array(
      z.strictObject({
        day: z.number().int().min(1).max(1_000_000),
        from_hour: Hour,
        to_hour: Hour,
        kind: z.enum(['gathering', 'storm', 'siege']),
        town: Town.optional(),
        location: z.string().optional(),
        who: z.enum(['town', 'all']).optional(),
        from: Town.optional(),
        text: z.string().min(1).max(400),
      }),
    )
    .max(10_000),
});

function readStructured(path: string, what: string): unknown {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`cannot read the ${what} ${path}: no such file`);
  }
  if (size > MAX_FILE_BYTES) throw new Error(`the ${what} ${path} is larger than ${MAX_FILE_BYTES} bytes`);
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `the ${what} ${path} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

function problems(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
    .join('; ');
}

/** The canonical catalogue with a file's lists in place of the canonical ones. */
export function loadConfigFile(path: string, world: World): ResidentsConfig {
  const canonical = residentsConfigOf(world);
  const parsed = ConfigFileSchema.safeParse(readStructured(path, 'world file'));
  if (!parsed.success) throw new Error(`the world file ${path} is not valid: ${problems(parsed.error)}`);
  const file = parsed.data;
  const residents = (file.residents ?? canonical.residents).map((r) => ({
    ...r,
    home: r.home ?? homeId(r.town, r.name),
  }));
  const locations = [...(file.locations ?? canonical.locations)];
  // A resident without a home listed gets one.
  for (const r of residents) {
    if (!locations.some((l) => l.id === r.home))
      locations.push({
        id: r.home,
        town: r.town,
        name: `${r.name}'s home`,
        kind: 'home',
        capacity: 4,
        open: [0, 24],
      });
  }
  const config: ResidentsConfig = {
    locations,
    activities: file.activities ?? canonical.activities,
    routes: file.routes ?? canonical.routes,
    residents,
  };
  checkConfig(config, path, world);
  return config;
}

/** What a schema cannot see: references between the lists. */
export function checkConfig(config: ResidentsConfig, source: string, world: World): void {
  const errors: string[] = [];
  const locations = new Map(config.locations.map((l) => [l.id, l]));
  if (locations.size !== config.locations.length) errors.push('two locations share an id');
  const names = new Set(config.residents.map((r) => r.name));
  if (names.size !== config.residents.length) errors.push('two residents share a name');
  for (const r of config.residents) {
    const work = locations.get(r.workplace);
    if (!work) errors.push(`${r.name}'s workplace ${r.workplace} is not a location`);
    else if (work.town !== r.town) errors.push(`${r.name} works at ${r.workplace}, outside ${r.town}`);
    if (locations.get(r.home)?.town !== r.town) errors.push(`${r.name}'s home ${r.home} is not in ${r.town}`);
    if (!world.has(r.town)) {
      errors.push(`${r.name}'s town "${r.town}" is not one of ${world.ids.join(', ')}`);
      continue;
    }
    const roles = Object.keys(world.workers(r.town));
    for (const role of r.roles)
      if (!roles.includes(role))
        errors.push(`${r.name}'s role "${role}" is not one of ${r.town}'s: ${roles.join(', ')}`);
    for (const who of Object.values(r.family ?? {}))
      if (!names.has(who)) errors.push(`${r.name}'s family member ${who} is not a resident`);
  }
  for (const l of config.locations) {
    if (!world.has(l.town))
      errors.push(`location ${l.id}'s town "${l.town}" is not one of ${world.ids.join(', ')}`);
    if (!l.id.startsWith(`${l.town}/`)) errors.push(`location ${l.id} must start with its town, ${l.town}/`);
  }
  if (!config.activities.some((a) => a.id === 'work')) errors.push('the activities need one with id "work"');
  if (errors.length > 0) throw new Error(`${source}: ${errors.slice(0, 5).join('; ')}`);
}

export function loadScenario(path: string, config: ResidentsConfig): Scenario {
  const parsed = ScenarioSchema.safeParse(readStructured(path, 'scenario'));
  if (!parsed.success) throw new Error(`the scenario ${path} is not valid: ${problems(parsed.error)}`);
  const ids = new Set(config.locations.map((l) => l.id));
  for (const [i, e] of parsed.data.events.entries()) {
    if (e.from_hour >= e.to_hour)
      throw new Error(`the scenario ${path}: events.${i}: from_hour must come before to_hour`);
    if (e.kind !== 'storm' && (!e.town || !e.location))
      throw new Error(`the scenario ${path}: events.${i}: a ${e.kind} needs a town and a location`);
    if (e.location && !ids.has(e.location))
      throw new Error(`the scenario ${path}: events.${i}: ${e.location} is not a location`);
    if (e.location && e.town && !e.location.startsWith(`${e.town}/`))
      throw new Error(`the scenario ${path}: events.${i}: ${e.location} is not in ${e.town}`);
  }
  return parsed.data;
}
