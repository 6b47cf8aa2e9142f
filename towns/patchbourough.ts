/** Runs patchbourough on its own: `npx tsx towns/patchbourough.ts [--server URL] [--speed X] [--data DIR]`. */
import { runScript } from '../src/cli/script.ts';

await runScript('patchbourough');
