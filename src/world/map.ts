/** The drawn map, and the world of the built-in towns with any others a world builder adds. */
import type { AnyTownRules } from './town.ts';
import { BUILT_IN_TOWNS } from './towns/index.ts';
import { World } from './world.ts';

/** The drawn map is this many map units wide and high (x east, y north). */
export const MAP_SIZE = { width: 1000, height: 600 } as const;

/** The built-in towns, then the added ones. */
export function worldOf(added: readonly AnyTownRules[] = []): World {
  return new World([...BUILT_IN_TOWNS, ...added]);
}

/** The world of the built-in towns alone. */
export const WORLD = worldOf();
