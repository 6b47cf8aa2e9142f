/**
 * How two daily series move together, and which way one moves: Pearson's and Spearman's
 * correlation, the least-squares slope, and whether each is more than chance (a two-sided t test
 * at 5%, with at least MIN_POINTS days). The arithmetic is simple-statistics'; the t distribution
 * is stdlib's.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { linearRegression, sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';

/** Fewer days than this say nothing either way. */
export const MIN_POINTS = 8;
const ALPHA = 0.05;

export interface Correlation {
  n: number;
  pearson: number | null;
  spearman: number | null;
  /** Two-sided p-value of Pearson's r under no correlation. */
  p: number | null;
  meaningful: boolean;
}

export interface Trend {
  n: number;
  /** Change per day. */
  slope: number | null;
  intercept: number | null;
  /** Pearson's r of value against day, and its p-value: how much of the change is a line. */
  r: number | null;
  p: number | null;
  meaningful: boolean;
}

const constant = (xs: readonly number[]) => xs.every((x) => x === xs[0]);

/** p-value of a correlation r over n points. */
function pValue(r: number, n: number): number {
  if (Math.abs(r) >= 1) return 0;
  const t = r * Math.sqrt((n - 2) / (1 - r * r));
  return 2 * (1 - tCdf(Math.abs(t), n - 2));
}

export function correlate(xs: readonly number[], ys: readonly number[]): Correlation {
  const n = xs.length;
  if (n < 3 || constant(xs) || constant(ys))
    return { n, pearson: null, spearman: null, p: null, meaningful: false };
  const pearson = sampleCorrelation(xs as number[], ys as number[]);
  const spearman = sampleRankCorrelation(xs as number[], ys as number[]);
  const p = pValue(pearson, n);
  return { n, pearson, spearman, p, meaningful: n >= MIN_POINTS && p < ALPHA };
}

export function trend(days: readonly number[], values: readonly number[]): Trend {
  const n = days.length;
  if (n < 3 || constant(days))
    return { n, slope: null, intercept: null, r: null, p: null, meaningful: false };
  const { m, b } = linearRegression(days.map((d, i) => [d, values[i] as number]));
  const r = constant(values) ? 0 : sampleCorrelation(days as number[], values as number[]);
  const p = constant(values) ? 1 : pValue(r, n);
  return { n, slope: m, intercept: b, r, p, meaningful: n >= MIN_POINTS && p < ALPHA };
}
