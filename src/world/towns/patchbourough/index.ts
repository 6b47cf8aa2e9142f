/** PatchBourough, the river farms: the farmers' fields, the blacksmith's forge and the water mill. */
import { inRange, round } from '../../num.ts';
import { defineTown, type Turn } from '../../town.ts';
import type { EventData } from '../../types.ts';
import { DROUGHT_MOISTURE, season } from '../../weather.ts';
import { KINDS, READINGS } from './events.ts';
import { PEOPLE, PLACES, TASKS } from './people.ts';
import { WORDS } from './words.ts';

interface Local {
  /** Reaped grain stacked in the barns as sheaves, threshed into the granary through the winter. */
  sheaves: number;
}
type FarmTurn = Turn<Local>;

/** The mill wheel needs this much river to turn, and turns at full speed from this much. */
export const MILL_MIN_RIVER_M = 0.45;
const MILL_FULL_RIVER_M = 0.9;
/** Pounds of Circuiton metal in one tool. */
export const METAL_PER_TOOL_LBS = 0.0004;
const FLOUR_PER_GRAIN = 0.72;
/** The miller grinds to keep this much flour in the bins, and no more than the granary spares. */
const FLOUR_BINS_LBS = 1200;
/** Of what is reaped, this share is threshed at once; the rest waits in the barns as sheaves. */
const THRESHED_AT_HARVEST = 0.45;
/** A harvest this large is a surplus. */
const SURPLUS_LBS = 280;
const TOOL_KINDS = [
  'ploughshares',
  'sickles',
  'hoes',
  'pickaxes',
  'hinges',
  'horseshoes',
  'scythes',
  'nails',
];

/** The river rises with the rain of the last weeks and falls in a drought. */
export function riverLevel(turn: { weather: { moisture: number; rain_mm: number } }): number {
  return round(0.3 + 2.4 * turn.weather.moisture + 0.02 * turn.weather.rain_mm, 2);
}

export default defineTown<Local>({
  id: 'patchbourough',
  name: 'PatchBourough',
  description: 'the farming town along the river: fields, the forge and the mill',
  aliases:
    'patch ?bou?rough|patch ?borough|patchburg|patchbourough|patch|the farms|the farmlands?|farm town|farming town|farming village|farm village|river town|the river farms|farmers|the village',
  colour: '#6aa84f',
  position: [580, 320],
  routes: [
    {
      to: 'circuiton',
      cargo: { days: 0.8, by: 'mountain caravan' },
      people: { hours: 5, by: 'mountain road' },
    },
  ],
  climate: { inland: 2, temperature: [5, 25], pressure: [990, 1020], exposure: 0.9 },
  readings: READINGS,
  kinds: KINDS,
  words: WORDS,
  places: PLACES,
  people: PEOPLE,
  tasks: TASKS,
  goods: {
    grain: { unit: 'lbs', perCrate: 50, price: 15 },
    flour: { unit: 'lbs', perCrate: 40, price: 22 },
    tools: { unit: 'tools', perCrate: 5, price: 45 },
  },
  // The granary keeps a winter's reserve; only the grain beyond it is sold.
  exports: [
    { to: 'port-logic', goods: 'grain', keep: 6000 },
    { to: 'port-logic', goods: 'flour', keep: 400 },
    { to: 'circuiton', goods: 'flour', keep: 200 },
    { to: 'circuiton', goods: 'tools', keep: 4 },
    { to: 'port-logic', goods: 'tools', keep: 8 },
  ],
  upkeep: { flour: 10, fish: 10 },
  // Enough metal for a day at the forge.
  needs: { metal: 20 * METAL_PER_TOOL_LBS },
  // A settled world in midwinter: last year's harvest in the granary and in the barns.
  initial: () => ({
    gold: 600,
    stock: { grain: 5000, flour: 800, tools: 8, metal: 0.01 },
    local: { sheaves: 70_000 },
  }),
  sensors(turn) {
    const river_level_m = riverLevel(turn);
    return { data: { river_level_m }, text: `river ${river_level_m} m` };
  },
  work(turn) {
    if (turn.during(5, 21)) farming(turn);
    if (turn.during(6, 18)) mill(turn);
    if (turn.during(6, 22)) forge(turn);
  },
});

function farming(turn: FarmTurn): void {
  const farmer = turn.worker('farmer');
  const s = season(turn.t);
  const drought = turn.weather.moisture < DROUGHT_MOISTURE;
  const hands = turn.have('tools') >= 1 ? 1 : 0.5;
  const barn = turn.state.local;
  if (s < 0.1) {
    // Out of season the farmers thresh the sheaves in the barns, or plough and sow when none are left.
    const threshed = Math.round(Math.min(barn.sheaves, turn.rng.int(60, 170) * hands));
    if (threshed > 0) {
      barn.sheaves -= threshed;
      turn.add('grain', threshed);
      const text = turn.say('threshing', {
        farmer,
        harvest: threshed,
        left: Math.round(barn.sheaves),
      });
      turn.emit('farming', text, { harvest: threshed }, farmer);
      return;
    }
    const text = turn.say(s < -0.2 ? 'winter' : 'sowing', { farmer });
    turn.emit('farming', text, { harvest: 0 }, farmer);
    return;
  }
  const water = drought ? 0.25 : Math.min(1, 0.4 + turn.weather.moisture);
  const reaped = inRange(900 * turn.rng.next() ** 0.6 * s * water * hands, 0, 900);
  const harvest = Math.round(reaped * THRESHED_AT_HARVEST);
  barn.sheaves += reaped - harvest;
  if (turn.rng.chance(0.06)) turn.take('tools', 1);
  turn.add('grain', harvest);
  const values = { farmer, harvest, stacked: reaped - harvest };
  const rule =
    harvest === 0
      ? drought
        ? 'parched'
        : 'nothing'
      : harvest > SURPLUS_LBS
        ? 'surplus'
        : drought
          ? 'thin'
          : 'harvest';
  const flag: EventData =
    harvest === 0 ? (drought ? { drought: 1 } : {}) : harvest > SURPLUS_LBS ? { surplus: 1 } : {};
  turn.emit('farming', turn.say(rule, values), { harvest, ...flag }, farmer);
}

function mill(turn: FarmTurn): void {
  const miller = turn.worker('miller');
  const stock = turn.have('grain');
  const river = riverLevel(turn);
  if (turn.have('flour') >= FLOUR_BINS_LBS) {
    // Nothing to grind for: the miller rests the stones until the bins empty.
    turn.emit(
      'mill',
      turn.say('binsFull', { miller }),
      { grain_lbs: 0, flour_lbs: 0, grain_stock_lbs: stock, bins_full: 1 },
      miller,
    );
    return;
  }
  if (river < MILL_MIN_RIVER_M) {
    turn.emit(
      'mill',
      turn.say('lowRiver', { miller, river }),
      { grain_lbs: 0, flour_lbs: 0, grain_stock_lbs: stock, idle: 1 },
      miller,
    );
    return;
  }
  if (stock < 100) {
    turn.emit(
      'mill',
      turn.say('noGrain', { miller, stock }),
      { grain_lbs: 0, flour_lbs: 0, grain_stock_lbs: stock, idle: 1 },
      miller,
    );
    return;
  }
  // Grind what the bins lack.
  const wanted = (FLOUR_BINS_LBS - turn.have('flour')) / FLOUR_PER_GRAIN;
  const load = Math.min(500, Math.max(100, wanted), turn.rng.int(100, 500));
  // A low river turns the wheel slowly.
  const speed = Math.min(1, (river - MILL_MIN_RIVER_M) / (MILL_FULL_RIVER_M - MILL_MIN_RIVER_M));
  const slow = speed < 1;
  const grain = turn.take(
    'grain',
    Math.round(Math.min(stock, Math.max(100, load * (slow ? 0.2 + 0.8 * speed : 1)))),
  );
  const flour = Math.round(grain * FLOUR_PER_GRAIN);
  turn.add('flour', flour);
  const rule = slow ? 'slowWheel' : 'grind';
  turn.emit(
    'mill',
    turn.say(rule, { miller, grain, flour, stock: turn.have('grain'), river }),
    { grain_lbs: grain, flour_lbs: flour, grain_stock_lbs: stock },
    miller,
  );
}

function forge(turn: FarmTurn): void {
  const smith = turn.worker('blacksmith');
  const forgeable = Math.floor(turn.have('metal') / METAL_PER_TOOL_LBS + 1e-9);
  if (forgeable < 1) {
    turn.emit('forge', turn.say('coldForge', { smith }), { tools: 0, cold_forge: 1 }, smith);
    return;
  }
  const tools = Math.min(forgeable, turn.rng.int(1, 5));
  turn.take('metal', tools * METAL_PER_TOOL_LBS);
  turn.add('tools', tools);
  const kind = turn.rng.pick(TOOL_KINDS);
  turn.emit('forge', turn.say('forged', { smith, tools, kind }), { tools }, smith);
}
