/**
 * The built-in towns, in the world's order. A town is one folder beside this file that declares
 * everything about it; to add a built-in town, add its folder and one line here. World builders add
 * their own with `--towns-dir` instead (see src/files/towns-dir.ts).
 */
import type { AnyTownRules } from '../town.ts';
import circuiton from './circuiton/index.ts';
import denOfThieves from './den-of-thieves/index.ts';
import patchbourough from './patchbourough/index.ts';
import portLogic from './port-logic/index.ts';

export const BUILT_IN_TOWNS: readonly AnyTownRules[] = [portLogic, patchbourough, circuiton, denOfThieves];
