/** The `chronicle` command. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { askCommand } from './ask.ts';
import { reindexCommand } from './reindex.ts';
import { reportCommand } from './report.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';
import { simulateCommand } from './simulate.ts';
import { startCommand } from './start.ts';
import { townCommand } from './town.ts';
import { worldCommand } from './world.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('chronicle')
  .description('A living world of four towns, and the history of everything that happens in it.')
  .version(version)
  .showHelpAfterError()
  .addCommand(startCommand())
  .addCommand(serveCommand())
  .addCommand(townCommand())
  .addCommand(simulateCommand())
  .addCommand(searchCommand())
  .addCommand(askCommand())
  .addCommand(reindexCommand())
  .addCommand(worldCommand())
  .addCommand(reportCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
}
