/**
 * How the residents' words read, measured (issue 16): how many of the conversation lines are said
 * once, and the reflections that hold another reflection. The benchmark prints them; the tests
 * hold them to their bounds.
 */
import type { DayLog } from '../world/residents/context.ts';

/** Every line of every conversation. */
export function linesOf(logs: readonly DayLog[]): string[] {
  return logs.flatMap((l) => l.conversations.flatMap((c) => c.transcript));
}

/** What a line says, without the speaker's name ("Nell: Good day." → "Good day."). */
export function saidOf(line: string): string {
  return line.replace(/^[^:]+: /, '');
}

/** Unique lines over all lines: 1 when no line is said twice, 0 when there are none. */
export function distinctShare(lines: readonly string[]): number {
  return lines.length === 0 ? 0 : new Set(lines).size / lines.length;
}

/** The words of a reflection after its "Reflecting on day N:" opening. */
export function reflectionBody(text: string): string {
  return text.replace(/^Reflecting on day \d+:\s*/, '');
}

/**
 * Reflections that hold another reflection: its opening ("reflecting on day …") or a second "what
 * stays with me" inside their own words, or what they say stays with them is a reflection's words.
 */
export function nestedReflections(logs: readonly DayLog[]): string[] {
  const reflections = logs.flatMap((l) => l.memories).filter((m) => m.kind === 'reflection');
  const openings = new Set(reflections.map((m) => reflectionBody(m.text).slice(0, 40)));
  return reflections
    .filter((m) => {
      const body = reflectionBody(m.text);
      const stays = body.split(/what stays with me:\s*/i);
      return (
        /reflecting on day/i.test(body) ||
        stays.length > 2 ||
        (stays[1] !== undefined && openings.has(stays[1].slice(0, 40)))
      );
    })
    .map((m) => m.text);
}
