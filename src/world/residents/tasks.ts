/**
 * What residents work on in their task hours, by the role they fill: a catalogue, as data. A run
 * takes its table from its config (`ResidentsConfig.tasks`) and this default when there is none.
 */
import type { ResidentDef } from './types.ts';

/** Role → the tasks someone in it works on, taken in turn. */
export type TaskTable = Readonly<Record<string, readonly string[]>>;

/** A resident's task in hand and how far it has come. */
export interface Task {
  name: string;
  done: number;
  total: number;
}

export const DEFAULT_TASKS: TaskTable = {
  apprentice: ['an order of brass owls', 'a music box for the Academy', 'a set of compass needles'],
  miner: ['shoring up the east tunnel', 'a new seam in the Deep Gallery'],
  teacher: ['the term’s clockwork lessons', 'grading the apprentices’ gears'],
  trader: ['the season’s ledger', 'a contract for the next caravan'],
  fisher: ['mending the boat’s hull', 'a record catch for the market'],
  netmaker: ['the harbour’s new trawl net', 'a hawser for the big ships'],
  farmer: ['the north field’s ploughing', 'the winter seed stock'],
  blacksmith: ['a batch of mining picks', 'new hinges for the mill'],
  miller: ['the millstone’s dressing', 'the flour order for the mountain'],
  captain: ['the plan for the next raid', 'charts of the trade route'],
  quartermaster: ['sharing out the last loot', 'the powder stores'],
  keeper: ['the rum cellar', 'a new barrel of grog'],
  bosun: ['caulking the Black Gull', 'new rigging for the Black Gull'],
  fletcher: ['a rack of war arrows', 'new bowstrings'],
};

/** What someone without a role in the table (or with an empty list) works on. */
const HOUSEHOLD: readonly string[] = ['keeping the house in order'];

/** A resident's next task, after `n` finished: their first role's tasks in turn, of varying length. */
export function newTask(tasks: TaskTable, def: ResidentDef, n: number): Task {
  const listed = tasks[def.roles[0] ?? ''];
  const options = listed && listed.length > 0 ? listed : HOUSEHOLD;
  return { name: options[n % options.length] as string, done: 0, total: 6 + (n % 4) * 2 };
}

/** How much of a task is done after `steps` more; never past its total. */
export function progressed(task: Task, steps: number): number {
  return Math.min(task.total, task.done + steps);
}
