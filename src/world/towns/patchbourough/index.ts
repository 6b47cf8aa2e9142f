/** PatchBourough, the river farms: the farmers' fields, the blacksmith's forge and the water mill. */
import { inRange, round } from '../../num.ts';
import { defineTown, type Turn } from '../../town.ts';
import type { EventData } from '../../types.ts';
import { DROUGHT_MOISTURE, season } from '../../weather.ts';
import { KINDS, READINGS } from './events.ts';
import { PEOPLE, PLACES, TASKS } from './people.ts';

type Local = Record<string, never>;
type FarmTurn = Turn<Local>;

/** The mill wheel needs this much river to turn. */
export const MILL_MIN_RIVER_M = 0.8;
/** Pounds of Circuiton metal in one tool. */
export const METAL_PER_TOOL_LBS = 0.0004;
const FLOUR_PER_GRAIN = 0.72;
const TOOL_KINDS = ['ploughshares', 'sickles', 'hoes', 'pickaxes', 'hinges', 'horseshoes'];

/** The river rises with the rain of the last weeks and falls in a drought. */
export function riverLevel(turn: { weather: { moisture: number; rain_mm: number } }): number {
  return round(0.3 + 2.4 * turn.weather.moisture + 0.02 * turn.weather.rain_mm, 2);
}

export default defineTown<Local>({
  id: 'patchbourough',
  name: 'PatchBourough',
  description: 'the farming town along the river: fields, the forge and the mill',
  aliases:
    'patch ?bou?rough|patch ?borough|patchburg|patchbourough|the farms|the farmlands?|farm town|farming town|river town|the river farms|farmers|the village',
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
  places: PLACES,
  people: PEOPLE,
  tasks: TASKS,
  goods: {
    grain: { unit: 'lbs', perCrate: 50, price: 15 },
    flour: { unit: 'lbs', perCrate: 40, price: 22 },
    tools: { unit: 'tools', perCrate: 5, price: 45 },
  },
  exports: [
    { to: 'port-logic', goods: 'grain', keep: 400 },
    { to: 'port-logic', goods: 'flour', keep: 240 },
    { to: 'circuiton', goods: 'flour', keep: 160 },
    { to: 'circuiton', goods: 'tools', keep: 4 },
    { to: 'port-logic', goods: 'tools', keep: 8 },
  ],
  upkeep: { flour: 10, fish: 10 },
  initial: () => ({ gold: 600, stock: { grain: 600, flour: 200, tools: 8, metal: 0.01 }, local: {} }),
  sensors(turn) {
    const river_level_m = riverLevel(turn);
    return { data: { river_level_m }, text: `river ${river_level_m} m` };
  },
  work(turn) {
    if (turn.during(5, 21)) farming(turn);
    if (turn.during(5, 23)) mill(turn);
    if (turn.during(6, 22)) forge(turn);
  },
});

function farming(turn: FarmTurn): void {
  const farmer = turn.worker('farmer');
  const s = season(turn.t);
  const drought = turn.weather.moisture < DROUGHT_MOISTURE;
  if (s < -0.2) {
    turn.emit('farming', `${farmer} worked the frozen field: no crops in winter.`, { harvest: 0 }, farmer);
    return;
  }
  if (s < 0.1) {
    turn.emit('farming', `${farmer} ploughed and sowed the field: no crops yet.`, { harvest: 0 }, farmer);
    return;
  }
  const water = drought ? 0.25 : Math.min(1, 0.4 + turn.weather.moisture);
  const hands = turn.have('tools') >= 1 ? 1 : 0.5;
  const harvest = inRange(500 * turn.rng.next() ** 0.6 * s * water * hands, 0, 500);
  if (turn.rng.chance(0.06)) turn.take('tools', 1);
  turn.add('grain', harvest);
  const text =
    harvest === 0
      ? `${farmer} worked the field: ${drought ? 'the drought left no crops' : 'no crops came up'}.`
      : harvest > 350
        ? `${farmer} brought in a surplus: ${harvest} lbs of grain.`
        : drought
          ? `${farmer} harvested a thin ${harvest} lbs of grain from the parched field.`
          : `${farmer} harvested ${harvest} lbs of grain.`;
  const flag: EventData =
    harvest === 0 ? (drought ? { drought: 1 } : {}) : harvest > 350 ? { surplus: 1 } : {};
  turn.emit('farming', text, { harvest, ...flag }, farmer);
}

function mill(turn: FarmTurn): void {
  const miller = turn.worker('miller');
  const stock = turn.have('grain');
  const river = riverLevel(turn);
  if (river < MILL_MIN_RIVER_M) {
    turn.emit(
      'mill',
      `${miller}'s mill stood idle: the river is too low (${river} m) to turn the wheel.`,
      { grain_lbs: 0, flour_lbs: 0, grain_stock_lbs: stock, idle: 1 },
      miller,
    );
    return;
  }
  if (stock < 100) {
    turn.emit(
      'mill',
      `${miller}'s mill stood idle: only ${stock} lbs of grain in the granary.`,
      { grain_lbs: 0, flour_lbs: 0, grain_stock_lbs: stock, idle: 1 },
      miller,
    );
    return;
  }
  const grain = turn.take('grain', Math.min(stock, turn.rng.int(100, 500)));
  const flour = Math.round(grain * FLOUR_PER_GRAIN);
  turn.add('flour', flour);
  turn.emit(
    'mill',
    `${miller} ground ${grain} lbs of grain into ${flour} lbs of flour.`,
    { grain_lbs: grain, flour_lbs: flour, grain_stock_lbs: stock },
    miller,
  );
}

function forge(turn: FarmTurn): void {
  const smith = turn.worker('blacksmith');
  const forgeable = Math.floor(turn.have('metal') / METAL_PER_TOOL_LBS + 1e-9);
  if (forgeable < 1) {
    turn.emit(
      'forge',
      `${smith}'s forge was cold: no metal from Circuiton to work.`,
      { tools: 0, cold_forge: 1 },
      smith,
    );
    return;
  }
  const tools = Math.min(forgeable, turn.rng.int(1, 5));
  turn.take('metal', tools * METAL_PER_TOOL_LBS);
  turn.add('tools', tools);
  const kind = turn.rng.pick(TOOL_KINDS);
  turn.emit(
    'forge',
    `${smith} forged ${tools} ${tools === 1 ? 'tool' : 'tools'} (${kind}).`,
    { tools },
    smith,
  );
}
