/** Circuiton, the mountain town: the mines and smelter, the Academy, and John the apprentice. */
import { inRange } from '../../num.ts';
import { defineTown, type Turn } from '../../town.ts';
import { KINDS } from './events.ts';
import { PEOPLE, PLACES, TASKS } from './people.ts';
import { WORDS } from './words.ts';

interface Local {
  /** The lower gallery floods after heavy rain and stays flooded until this world time. */
  floodedUntil: number;
  /** Everyone the Academy has taught; skilled hands make more trinkets. */
  taught: number;
}
type MountainTurn = Turn<Local>;

/** Rain that floods the lower gallery, and how long bailing it out takes (world days). */
const FLOOD_RAIN_MM = 9;
const FLOOD_DAYS = 0.5;
/** Pounds of metal in one small trinket. */
export const METAL_PER_TRINKET_LBS = 0.0001;
const CRAFTS = [
  'clockwork springs',
  'gear wheels',
  'brass hinges',
  'copper wire',
  'lock tumblers',
  'compass needles',
];
const TRINKETS = ['brass owls', 'tin soldiers', 'copper rings', 'pocket compasses', 'tiny bells', 'key fobs'];

export default defineTown<Local>({
  id: 'circuiton',
  name: 'Circuiton',
  description: 'the mining town in the mountains: mines and smelter, the Academy, and the apprentices',
  aliases:
    'circuiton|circuitown|mountain town|the mountains?|mining town|mining village|mountain village|the mines?|miners|mountain',
  colour: '#b07d2b',
  position: [860, 430],
  climate: { inland: 3, temperature: [-5, 15], pressure: [950, 1010], exposure: 0.85 },
  kinds: KINDS,
  words: WORDS,
  places: PLACES,
  people: PEOPLE,
  tasks: TASKS,
  goods: {
    metal: { unit: 'lbs', perCrate: 0.005, price: 90 },
    trinkets: { unit: 'trinkets', perCrate: 12, price: 35 },
  },
  exports: [
    { to: 'patchbourough', goods: 'metal', keep: 0.004 },
    { to: 'port-logic', goods: 'trinkets', keep: 12 },
  ],
  upkeep: { flour: 14, fish: 8 },
  // Picks for the mines: without them no ore is dug, so no metal goes down to the forge.
  needs: { tools: 6 },
  initial: () => ({
    gold: 500,
    stock: { flour: 300, tools: 10, metal: 0.008, fish: 100 },
    local: { floodedUntil: 0, taught: 0 },
  }),
  work(turn) {
    if (turn.weather.rain_mm >= FLOOD_RAIN_MM) turn.state.local.floodedUntil = turn.t + FLOOD_DAYS;
    mining(turn); // three shifts, round the clock
    if (turn.during(8, 18)) academy(turn);
    if (turn.during(7, 20)) workshop(turn);
  },
});

function mining(turn: MountainTurn): void {
  const miner = turn.worker('miner');
  if (turn.t < turn.state.local.floodedUntil) {
    turn.emit('mining', turn.say('flooded', { miner }), { ore_tons: 0, metal_lbs: 0, flood: 1 }, miner);
    return;
  }
  const picks = turn.have('tools');
  if (picks < 1) {
    turn.emit('mining', turn.say('noPicks', { miner }), { ore_tons: 0, metal_lbs: 0 }, miner);
    return;
  }
  const fed = turn.have('flour') > 0 ? 1 : 0.6;
  const kit = 0.8 + 0.2 * Math.min(1, picks / 5);
  const ore = inRange(0.1 + 1.9 * turn.rng.next() ** 1.2 * fed * kit, 0.1, 2, 2);
  const metal = inRange(0.001 + (0.004 * (ore - 0.1) * turn.rng.range(0.85, 1)) / 1.9, 0.001, 0.005, 4);
  turn.add('metal', metal);
  if (turn.rng.chance(0.12)) turn.take('tools', 1);
  const values = { miner, ore, metal };
  const text = turn.say(ore >= 1.5 ? 'richSeam' : 'mined', values);
  const hungry = fed < 1 ? ` ${turn.say('hungry', values)}` : '';
  turn.emit(
    'mining',
    `${text}${hungry}`,
    fed < 1 ? { ore_tons: ore, metal_lbs: metal, hunger: 1 } : { ore_tons: ore, metal_lbs: metal },
    miner,
  );
}

function academy(turn: MountainTurn): void {
  const teacher = turn.worker('teacher');
  // A class that has been taught well teaches itself: the more the Academy has taught, the fewer blank days.
  const learned = turn.rng.pick(
    turn.state.local.taught > 40 ? [0, 1, 1, 2, 2, 2, 2, 1] : [0, 1, 1, 1, 1, 2, 2, 1],
  );
  const craft = turn.rng.pick(CRAFTS);
  turn.state.local.taught += learned;
  const text = turn.say(learned === 0 ? 'noneLearned' : 'learned', { teacher, learned, craft });
  turn.emit('education', text, { learned }, teacher);
}

function workshop(turn: MountainTurn): void {
  const john = turn.worker('apprentice');
  const makeable = Math.floor(turn.have('metal') / METAL_PER_TRINKET_LBS + 1e-9);
  if (makeable < 1) {
    turn.emit('apprenticeship', turn.say('noMetal', { john }), { trinkets: 0 }, john);
    return;
  }
  const skill = turn.state.local.taught > 40 ? 1 : 0;
  const trinkets = Math.min(makeable, turn.rng.int(1, 6) + skill);
  turn.take('metal', trinkets * METAL_PER_TRINKET_LBS);
  turn.add('trinkets', trinkets);
  const kind = turn.rng.pick(TRINKETS);
  turn.emit('apprenticeship', turn.say('trinkets', { john, trinkets, kind }), { trinkets }, john);
}
