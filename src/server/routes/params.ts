/** JSON schemas of the query and path parameters several routes share, with the limits of LIMITS. */
import { LIMITS } from '../../events/limits.ts';

export const DAY = { type: 'integer', minimum: 1, maximum: LIMITS.maxDay } as const;
export const EVENT_ID = { type: 'integer', minimum: 0, maximum: LIMITS.maxEventId } as const;
