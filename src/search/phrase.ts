/**
 * A phrase is an event's text with its numbers masked. Most events differ only in their numbers
 * ("poured 14 drinks", "poured 15 drinks"), and numbers are served by the structured filters, so one
 * embedding per phrase stands for all of its events: embeddings are computed once and cached.
 */

const NUMBER = /[-+]?\d+(?:[.,:]\d+)*/g;

export function phraseOf(text: string): string {
  return text.replace(NUMBER, '#').replace(/\s+/g, ' ').trim();
}
