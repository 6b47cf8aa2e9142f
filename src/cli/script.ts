/** Shared by the town scripts in towns/: parse the command line, run, and report errors plainly. */
import type { TownId } from '../world/types.ts';
import { townScript } from './town.ts';

export async function runScript(town: string): Promise<void> {
  try {
    await townScript(town as TownId).parseAsync(process.argv);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
