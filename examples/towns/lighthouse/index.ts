/**
 * Lantern Rock, a lighthouse island off Port Logic: an example of a town a world builder adds with
 * `--towns-dir`, in the same format as the built-in towns. Its keepers trim the lamp and guide ships
 * past the reefs, and gather seaweed that the rowing boat takes to the port.
 *
 * The folder needs nothing from Chronicle at run time; the type import below is erased, and only
 * helps an editor check the declaration.
 */
import type { TownRules, Turn } from 'chronicle/town';
import { KINDS, READINGS } from './events.ts';
import { PEOPLE, PLACES, TASKS } from './people.ts';

interface Local {
  /** Litres of lamp oil in the tank; the supply boat refills it every few days. */
  oil: number;
}
type RockTurn = Turn<Local>;

const TANK_LITRES = 60;
const BURN_LITRES_PER_HOUR = 0.4;
/** Fog comes in when the air is near saturated and the wind drops. */
const FOG_HUMIDITY_PCT = 88;
const FOG_WIND_KPH = 15;

const round = (x: number, decimals = 0) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/** How far the keeper can see: far on a dry windy day, a few hundred metres in fog. */
function visibility(turn: RockTurn): number {
  const w = turn.weather;
  if (foggy(turn)) return round(0.2 + turn.rng.next() * 0.8, 1);
  return round(Math.max(1, 35 - 0.25 * w.humidity_pct - 2 * w.rain_mm), 1);
}

function foggy(turn: RockTurn): boolean {
  return turn.weather.humidity_pct >= FOG_HUMIDITY_PCT && turn.weather.wind_kph < FOG_WIND_KPH;
}

const lighthouse: TownRules<Local> = {
  id: 'lighthouse',
  name: 'Lantern Rock',
  description: 'the lighthouse island off the coast: the keepers, the lamp and the seaweed beds',
  aliases: 'lantern rock|the lighthouse|lighthouse island|the keepers|the beacon|lighthouse',
  colour: '#8e44ad',
  position: [250, 440],
  routes: [
    { to: 'port-logic', cargo: { days: 0.3, by: 'rowing boat' }, people: { hours: 2, by: 'rowing boat' } },
  ],
  climate: { inland: 0, temperature: [8, 22], pressure: [985, 1020], exposure: 1.4 },
  readings: READINGS,
  kinds: KINDS,
  places: PLACES,
  people: PEOPLE,
  tasks: TASKS,
  goods: { seaweed: { unit: 'bundles', perCrate: 10, price: 8 } },
  exports: [{ to: 'port-logic', goods: 'seaweed', keep: 20 }],
  upkeep: {},
  initial: () => ({ gold: 120, stock: { seaweed: 40 }, local: { oil: TANK_LITRES } }),
  sensors(turn) {
    const visibility_km = visibility(turn);
    return { data: { visibility_km }, text: `visibility ${visibility_km} km` };
  },
  work(turn) {
    // The lamp burns from dusk to dawn.
    if (turn.during(18, 6)) beacon(turn);
    if (turn.during(7, 17) && turn.rng.chance(0.6)) gather(turn);
    if (turn.day % 4 === 0 && turn.during(10, 12)) turn.state.local.oil = TANK_LITRES;
  },
};

function beacon(turn: RockTurn): void {
  const keeper = turn.worker('keeper');
  const rock = turn.state.local;
  const fog = foggy(turn);
  // In fog the keeper doubles the wick and sounds the horn: more oil, and ships steer by it.
  const burn = round(Math.min(rock.oil, BURN_LITRES_PER_HOUR * (fog ? 2 : 1) * (1 + turn.rng.next())), 1);
  rock.oil = round(rock.oil - burn, 1);
  if (burn === 0) {
    turn.emit(
      'beacon',
      `${keeper} could not light the lamp: no oil left in the tank.`,
      {
        oil_litres: 0,
        ships_guided: 0,
      },
      keeper,
    );
    return;
  }
  const ships = turn.rng.int(0, fog ? 4 : 2);
  const text = fog
    ? `${keeper} kept the lamp bright through the fog and sounded the horn; ${ships} ${ships === 1 ? 'ship' : 'ships'} steered clear of the reef.`
    : `${keeper} trimmed the lamp and burned ${burn} litres of oil; ${ships} ${ships === 1 ? 'ship' : 'ships'} passed safely.`;
  turn.emit(
    'beacon',
    text,
    fog ? { oil_litres: burn, ships_guided: ships, fog: 1 } : { oil_litres: burn, ships_guided: ships },
    keeper,
  );
}

function gather(turn: RockTurn): void {
  const gatherer = turn.worker('gatherer');
  if (turn.weather.storm) {
    turn.emit(
      'gathering',
      `${gatherer} stayed off the rocks: the storm is too rough for the seaweed beds.`,
      { seaweed_bundles: 0 },
      gatherer,
    );
    return;
  }
  const bundles = turn.rng.int(1, 12);
  turn.add('seaweed', bundles);
  turn.emit(
    'gathering',
    `${gatherer} gathered ${bundles} bundles of seaweed at low tide.`,
    { seaweed_bundles: bundles },
    gatherer,
  );
}

export default lighthouse;
