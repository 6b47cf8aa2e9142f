/**
 * `--towns-dir DIR` (or CHRONICLE_TOWNS_DIR): a world builder's towns, one folder each, in the same
 * format as the built-in ones (src/world/towns/<id>/). Each folder's index.ts (or .js/.mjs) exports
 * the town as its default; it is checked whole before the world is made, and every problem names
 * the file and the field.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { worldOf } from '../world/map.ts';
import type { AnyTownRules } from '../world/town.ts';
import { townProblems } from '../world/town-schema.ts';
import { type World, WorldError } from '../world/world.ts';

const ENTRY_FILES = ['index.ts', 'index.mts', 'index.js', 'index.mjs'];

export class TownsDirError extends Error {}

/** A town as loaded, with the file it came from. */
interface Loaded {
  town: AnyTownRules;
  entry: string;
}

/** The towns of every folder in `dir`, in the order of their folder names. */
export async function loadTownsDir(dir: string): Promise<Loaded[]> {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new TownsDirError(`${root}: --towns-dir must be a directory of town folders`);
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
  if (folders.length === 0) throw new TownsDirError(`${root}: no town folders in it`);
  const towns: Loaded[] = [];
  for (const folder of folders) towns.push(await loadTownFolder(join(root, folder)));
  return towns;
}

async function loadTownFolder(folder: string): Promise<Loaded> {
  const entry = ENTRY_FILES.map((f) => join(folder, f)).find((f) => existsSync(f));
  if (!entry) throw new TownsDirError(`${folder}: no ${ENTRY_FILES.join(' or ')} in the town's folder`);
  let module: { default?: unknown };
  try {
    module = await import(pathToFileURL(entry).href);
  } catch (error) {
    const message = (error as Error).message;
    // Outside an ES-module package, TypeScript files load as CommonJS and their imports fail.
    const hint = /require\(\)|ES Module|Cannot use import/.test(message)
      ? ` (a town folder needs a package.json with "type": "module", as examples/towns/lighthouse has)`
      : '';
    throw new TownsDirError(`${entry}: cannot be loaded${hint}: ${message}`);
  }
  if (module.default === undefined) throw new TownsDirError(`${entry}: must export the town as its default`);
  const problems = townProblems(module.default);
  if (problems.length > 0) throw new TownsDirError(`${entry}: ${problems.join('; ')}`);
  const town = module.default as AnyTownRules;
  const name = folder.split(/[\\/]/).at(-1);
  if (town.id !== name)
    throw new TownsDirError(`${entry}: id: "${town.id}" must be the folder's name, "${name}"`);
  return { town, entry };
}

/** The built-in towns with those of `dir`, if given; a town that does not fit names its file. */
export async function loadWorld(dir: string | undefined): Promise<World> {
  if (!dir) return worldOf();
  const loaded = await loadTownsDir(dir);
  try {
    return worldOf(loaded.map((l) => l.town));
  } catch (error) {
    if (!(error instanceof WorldError)) throw error;
    const entryOf = new Map(loaded.map((l) => [l.town.id, l.entry]));
    const lines = error.problems.map((p) => {
      const entry = entryOf.get(/^town ([a-z0-9-]+):/.exec(p)?.[1] ?? '');
      return entry ? `${entry}: ${p}` : p;
    });
    throw new TownsDirError(`the towns of ${resolve(dir)} do not fit the world:\n  ${lines.join('\n  ')}`);
  }
}
