/**
 * What residents work on in their task hours, by the role they fill: a catalogue, as data. Each town
 * declares its roles' tasks in its folder; a run's config (`ResidentsConfig.tasks`) may replace them.
 */
import type { World } from '../world.ts';
import type { ResidentDef } from './types.ts';

/** Role (in every town, or `<town>/<role>` in one) → the tasks someone in it works on, in turn. */
export type TaskTable = Readonly<Record<string, readonly string[]>>;

/** A resident's task in hand and how far it has come. */
export interface Task {
  name: string;
  done: number;
  total: number;
}

/** The roles every town has: the step's trade is done by a trader. */
const COMMON_TASKS: TaskTable = {
  trader: ['the season’s ledger', 'a contract for the next caravan'],
};

const tables = new WeakMap<World, TaskTable>();

/** Each town's tasks as its folder declares them, as `<town>/<role>`, beside the common roles. */
export function tasksOf(world: World): TaskTable {
  let table = tables.get(world);
  if (!table) {
    const entries = world.towns.flatMap((t) =>
      Object.entries(t.tasks ?? {}).map(([role, tasks]) => [`${t.id}/${role}`, tasks] as const),
    );
    table = { ...COMMON_TASKS, ...Object.fromEntries(entries) };
    tables.set(world, table);
  }
  return table;
}

/** What someone without a role in the table (or with an empty list) works on. */
const HOUSEHOLD: readonly string[] = ['keeping the house in order'];

/**
 * A resident's next task, after `n` finished: their first role's tasks in turn, of varying length;
 * the role's tasks in their own town (`<town>/<role>`) before those of every town (`<role>`).
 */
export function newTask(tasks: TaskTable, def: ResidentDef, n: number): Task {
  const role = def.roles[0] ?? '';
  const listed = tasks[`${def.town}/${role}`] ?? tasks[role];
  const options = listed && listed.length > 0 ? listed : HOUSEHOLD;
  return { name: options[n % options.length] as string, done: 0, total: 6 + (n % 4) * 2 };
}

/** How much of a task is done after `steps` more; never past its total. */
export function progressed(task: Task, steps: number): number {
  return Math.min(task.total, task.done + steps);
}
