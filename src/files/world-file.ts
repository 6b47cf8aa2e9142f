/**
 * DATA/world.json names the world a data directory belongs to: its id and its seed. Every town
 * started on the same data directory shares them, so they agree on the weather.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { worldFilePath } from './data-dir.ts';
import { readJsonIfExists } from './durable.ts';

export const SeedSchema = z
  .string()
  .min(1, 'the seed must not be empty')
  .max(64, 'the seed must be at most 64 characters')
  .regex(/^[\w.-]+$/, 'the seed may hold only letters, digits, ".", "_" and "-"');

const WorldFileSchema = z.object({
  id: z.string().regex(/^[\w.-]{1,64}$/),
  seed: SeedSchema,
  created: z.string(),
});

export type WorldFile = z.infer<typeof WorldFileSchema>;

/** Load the data directory's world, or create it (with the given seed, or a random one). */
export function loadOrCreateWorld(dataDir: string, seed?: string, id?: string): WorldFile {
  mkdirSync(dataDir, { recursive: true });
  const path = worldFilePath(dataDir);
  const existing = readWorld(path);
  if (existing) {
    if (seed !== undefined && seed !== existing.seed) {
      throw new Error(
        `${path} belongs to a world with seed "${existing.seed}", not "${seed}": use another --data directory`,
      );
    }
    return existing;
  }
  const world: WorldFile = {
    id: id ?? `w-${randomBytes(6).toString('hex')}`,
    seed: seed ?? randomBytes(4).toString('hex'),
    created: new Date().toISOString(),
  };
  // Create exclusively: towns started together race here, and the first one's world wins.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(world, null, 2)}\n`);
  try {
    linkSync(tmp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return loadOrCreateWorld(dataDir, seed, id);
  } finally {
    rmSync(tmp, { force: true });
  }
  return world;
}

function readWorld(path: string): WorldFile | undefined {
  const raw = readJsonIfExists(path);
  if (raw === undefined) return undefined;
  const parsed = WorldFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} is damaged: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
