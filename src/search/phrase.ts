/**
 * A phrase is an event's text with its numbers masked. Most events differ only in their numbers
 * ("mined 1.2 tons of ore", "mined 0.9 tons of ore"), and numbers are served by the structured filters, so one
 * embedding per phrase stands for all of its events: embeddings are computed once and cached.
 */

const NUMBER = /[-+]?\d+(?:[.,:]\d+)*/g;

export function phraseOf(text: string): string {
  return text.replace(NUMBER, '#').replace(/\s+/g, ' ').trim();
}
