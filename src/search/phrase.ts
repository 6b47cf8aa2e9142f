/**
 * A phrase is an event's text with its numbers masked. Most events differ only in their numbers
 * ("mined 1.2 tons of ore", "mined 0.9 tons of ore"), and numbers are served by the structured filters, so one
 * embedding per phrase stands for all of its events: embeddings are computed once and cached.
 *
 * What is embedded for a phrase is its meaning (`meaningOf`), not its words as they stand: what its
 * kind of event is about, in the world's own words, then the phrase with the actor's name put as
 * "someone". Names carry no meaning a query shares, yet the model reads them as words: "Nell Brine"
 * and "Ivo Gull" pull a fishing event towards the sea and the birds, away from what happened. The
 * keyword index keeps the phrase's words, names included, so a name is still found by its words.
 */
import { escapeRegExp } from '../world/text.ts';

const NUMBER = /[-+]?\d+(?:[.,:]\d+)*/g;

export function phraseOf(text: string): string {
  return text.replace(NUMBER, '#').replace(/\s+/g, ' ').trim();
}

/** A name as a whole word, however it is spelled (letters of any script, punctuation in it escaped). */
function nameWord(name: string): RegExp {
  const escaped = escapeRegExp(name);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * The text embedded for a phrase: "<about>: <the phrase, its actor as someone>", e.g. "a fishing
 * trip: someone kept the boats in harbour: a storm is blowing. No fish today." `about` is the
 * kind's EventKindDef.about (or the kind's name where the world does not know it).
 */
export function meaningOf(phrase: string, about: string, actor: string | null): string {
  const name = actor?.trim();
  const text = name ? phrase.replace(nameWord(name), 'someone') : phrase;
  return `${about}: ${text}`;
}
