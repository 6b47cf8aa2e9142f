/** What of a resident's day the towns' stream carries: travel, moves, talk, reflection and tasks. */
import type { TownEvent } from '../types.ts';
import type { Action, ActionKind } from './types.ts';

/** Work is already in the stream as the town's job event; waiting and resting are not news. */
const STREAM_KINDS: Partial<Record<ActionKind, string>> = {
  move: 'move',
  travel: 'travel',
  arrive: 'travel',
  chat: 'chat',
  meeting: 'meeting',
  reflect: 'reflection',
  task: 'task',
};

/** The kinds of event residents add to the stream (their numbers are not production to sum). */
export const RESIDENT_KINDS: ReadonlySet<string> = new Set(Object.values(STREAM_KINDS));

export function eventOf(action: Action): TownEvent | null {
  const kind = STREAM_KINDS[action.kind];
  if (!kind) return null;
  return { kind, actor: action.resident, text: action.text, data: action.data };
}
