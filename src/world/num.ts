/** Small numeric helpers shared by the world rules. */

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Round to a number of decimals; the world reports numbers at fixed precision so output is stable. */
const POWERS_OF_TEN = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

export function round(x: number, decimals = 0): number {
  const f = POWERS_OF_TEN[decimals] ?? 10 ** decimals;
  return Math.round(x * f) / f;
}

/** Round, then clamp, so a rounded value never leaves its range. */
export function inRange(x: number, lo: number, hi: number, decimals = 0): number {
  return clamp(round(x, decimals), lo, hi);
}
