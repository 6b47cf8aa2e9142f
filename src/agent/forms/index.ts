/**
 * The question forms, in precedence order: a question has the first form that matches it. A new
 * form is one file beside this one and one line here.
 */
import { actor } from './actor.ts';
import { aggregate } from './aggregate.ts';
import { balance } from './balance.ts';
import { both } from './both.ts';
import { compare } from './compare.ts';
import { count } from './count.ts';
import { days } from './days.ts';
import { did } from './did.ts';
import { either } from './either.ts';
import { extreme } from './extreme.ts';
import { find } from './find.ts';
import { goods, topGoods } from './goods.ts';
import { happened, happenedInBrief } from './happened.ts';
import { recordDay } from './record-day.ts';
import { relation } from './relation.ts';
import { residents } from './residents.ts';
import { role } from './role.ts';
import { sameDay } from './same-day.ts';
import type { Form } from './shared.ts';
import { shipments } from './shipments.ts';
import { unknown } from './unknown.ts';
import { weather } from './weather.ts';
import { when } from './when.ts';
import { whichDay } from './which-day.ts';
import { whichTown } from './which-town.ts';
import { who } from './who.ts';

export const FORMS: readonly Form[] = [
  relation,
  recordDay,
  balance,
  either,
  sameDay,
  both,
  compare,
  topGoods,
  goods,
  shipments,
  whichTown,
  whichDay,
  residents,
  role,
  extreme,
  days,
  who,
  did,
  when,
  count,
  actor,
  aggregate,
  weather,
  happened,
  find,
  happenedInBrief,
  unknown,
];
