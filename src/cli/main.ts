/** The `chronicle` command. */
import { Command } from 'commander';
import { serveCommand } from './serve.ts';
import { simulateCommand } from './simulate.ts';
import { startCommand } from './start.ts';
import { townCommand } from './town.ts';

const program = new Command('chronicle')
  .description('A living world of four towns, and the history of everything that happens in it.')
  .showHelpAfterError()
  .addCommand(startCommand())
  .addCommand(serveCommand())
  .addCommand(townCommand())
  .addCommand(simulateCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
}
