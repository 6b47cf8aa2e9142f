/** Runs circuiton on its own: `npx tsx towns/circuiton.ts [--server URL] [--speed X] [--data DIR]`. */
import { runScript } from '../src/cli/script.ts';

await runScript('circuiton');
