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

export const TOWN_COLOURS: Record<string, string> = {
  'port-logic': '#2f7ed8',
  patchbourough: '#6aa84f',
  circuiton: '#b07d2b',
  'den-of-thieves': '#c0392b',
};
