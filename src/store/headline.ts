/**
 * A town's headline is its latest event of a kind that tells news. Sensor readings come with
 * every update: were they headlines, the weather would hide everything that happens.
 */
import { SENSOR_KIND } from '../world/kinds.ts';

/** Kinds of event that are never a town's headline. */
export const NEVER_HEADLINES: readonly string[] = [SENSOR_KIND];

export const isHeadline = (kind: string): boolean => !NEVER_HEADLINES.includes(kind);
