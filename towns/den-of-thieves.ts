/** Runs den-of-thieves on its own: `npx tsx towns/den-of-thieves.ts [--server URL] [--speed X] [--data DIR]`. */
import { runScript } from '../src/cli/script.ts';

await runScript('den-of-thieves');
