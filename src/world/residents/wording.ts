/**
 * The small grammar the residents' offline words need: a noun's verb agreement ("the ships are",
 * "the weather is", by `pluralize`'s rules and its list of uncountable nouns), text cut short only
 * at a word boundary, and a quoted sentence trimmed without touching its case.
 */
import pluralize from 'pluralize';

export { article, capitalise } from '../text.ts';

/** Whether a bare noun takes a plural verb: "ships", "cards"; not "weather", "music", "news". */
export function isPluralNoun(noun: string): boolean {
  const last = noun.trim().split(/\s+/).at(-1) ?? noun;
  return pluralize.isPlural(last) && !pluralize.isSingular(last);
}

/** "is" or "are" for a noun; `past` gives "was" or "were". */
export function be(noun: string, past = false): string {
  const plural = isPluralNoun(noun);
  return past ? (plural ? 'were' : 'was') : plural ? 'are' : 'is';
}

/** A sentence told inside another: "The pirates besiege …" → "the pirates besiege …"; names keep their capitals. */
export function midSentence(text: string): string {
  return /^(The|A|An) [a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * `text` in at most `max` characters: whole when it fits, else cut at the last word boundary that
 * fits, with an ellipsis (never inside a word; a single overlong word is kept whole).
 */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max); // max - 1 characters and the ellipsis, or a cut before a space
  const cutAt = flat[max] === ' ' ? max : room.lastIndexOf(' ');
  if (cutAt <= 0) return `${flat.split(' ')[0]}…`;
  const kept = flat
    .slice(0, cutAt)
    .trimEnd()
    .replace(/[,;:(–—-]+$/, '')
    .trimEnd();
  return `${kept}…`;
}

/** A sentence to quote inside another: spaces tidied, its closing stop dropped, cut at a word if long; case kept. */
export function quote(text: string, max = 120): string {
  return clip(
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.!?]+$/, ''),
    max,
  );
}

/** A quoted sentence closed with a full stop unless it already ends in an ellipsis. */
export function stop(text: string): string {
  return /[….!?]$/.test(text) ? text : `${text}.`;
}
