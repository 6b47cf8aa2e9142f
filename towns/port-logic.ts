/** Runs port-logic on its own: `npx tsx towns/port-logic.ts [--server URL] [--speed X] [--data DIR]`. */
import { runScript } from '../src/cli/script.ts';

await runScript('port-logic');
