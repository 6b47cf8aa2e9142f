/** Building elements from untrusted text: only ever through textContent, never HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children)
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

/** A colour for lines and dots when a town's declared one is missing or not a colour. */
export const NEUTRAL_COLOUR = '#888888';

/**
 * A town's colour, safe to put in a style: only `#rrggbb` as the API declares it is taken, anything
 * else (it comes from the aggregator, and a world builder's town may say anything) is the neutral one.
 */
export function safeColour(colour: unknown): string {
  return typeof colour === 'string' && /^#[0-9a-f]{6}$/i.test(colour) ? colour : NEUTRAL_COLOUR;
}

/** Each town's colour by its id, checked once. */
export function coloursOf(towns: readonly { id: string; colour?: unknown }[]): ReadonlyMap<string, string> {
  return new Map(towns.map((t) => [t.id, safeColour(t.colour)]));
}
