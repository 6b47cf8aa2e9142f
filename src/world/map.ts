/**
 * The world's towns: where each lies on the drawn map and the routes that join them. To add a
 * town, write its rules in towns/ and add one entry here.
 */
import circuiton from './towns/circuiton.ts';
import denOfThieves from './towns/den-of-thieves.ts';
import patchbourough from './towns/patchbourough.ts';
import portLogic from './towns/port-logic.ts';
import { World } from './world.ts';

/** The drawn map is this many map units wide and high (x east, y north). */
export const MAP_SIZE = { width: 1000, height: 600 } as const;

export const WORLD = new World([
  { rules: denOfThieves, position: [110, 170] },
  {
    rules: portLogic,
    position: [330, 300],
    routes: [{ to: 'patchbourough', days: 0.6, by: 'river barge' }],
  },
  {
    rules: patchbourough,
    position: [580, 320],
    routes: [{ to: 'circuiton', days: 0.8, by: 'mountain caravan' }],
  },
  { rules: circuiton, position: [860, 430] },
]);
