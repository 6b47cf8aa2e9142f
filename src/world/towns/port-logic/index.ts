/** Port Logic, the ocean port: fishermen, net and rope makers, and the trade hub for ships from overseas. */
import type { Goods } from '../../goods.ts';
import { clamp, inRange, round } from '../../num.ts';
import { defineTown, type Turn } from '../../town.ts';
import type { EventData } from '../../types.ts';
import { season } from '../../weather.ts';
import { KINDS, READINGS } from './events.ts';
import { PEOPLE, PLACES, TASKS } from './people.ts';
import { WORDS } from './words.ts';

type Local = Record<string, never>;
type PortTurn = Turn<Local>;

const IMPORTS: readonly Goods[] = ['spices', 'textiles', 'tools', 'grain'];
const EXPORTS: readonly Goods[] = ['fish', 'flour', 'grain', 'trinkets', 'metal', 'nets', 'rope'];
/** Of a good the town uses up, the harbour sells overseas only what is beyond this many updates' worth. */
const HOME_UPDATES = 40;
const SHIPS = ['Sea Lark', 'Morning Tern', 'Gilded Eel', 'Northwind', 'Saltbride'];
/** Nets and ropes the loft likes to have on the racks. */
const NET_TARGET = 12;
const UPKEEP = { fish: 40, flour: 8 };
const ROPE_TARGET = 24;

export default defineTown<Local>({
  id: 'port-logic',
  name: 'Port Logic',
  description: 'the ocean port on the coast: fishermen, net and rope makers, and the trade hub',
  aliases:
    'port logic|port-logic|portlogic|the port|the harbou?r|harbou?r town|harbou?r|ocean port|ocean town|seaside town|coastal town|the seaside|the coast|the docks|fishermen|fisherwomen|fisherfolk|fishers|fishing town|fishing port|fishing village|fishing harbou?r|port',
  colour: '#2f7ed8',
  position: [330, 300],
  routes: [
    { to: 'patchbourough', cargo: { days: 0.6, by: 'river barge' }, people: { hours: 4, by: 'river barge' } },
  ],
  climate: { inland: 1, temperature: [10, 30], pressure: [990, 1020], exposure: 1.15 },
  readings: READINGS,
  kinds: KINDS,
  words: WORDS,
  places: PLACES,
  people: PEOPLE,
  tasks: TASKS,
  goods: {
    fish: { unit: 'fish', perCrate: 50, price: 12 },
    spices: { unit: 'sacks', perCrate: 2, price: 60 },
    textiles: { unit: 'bolts', perCrate: 4, price: 40 },
    rope: { unit: 'ropes', perCrate: 10, price: 18 },
    nets: { unit: 'nets', perCrate: 3, price: 24 },
  },
  exports: [
    { to: 'patchbourough', goods: 'spices', keep: 4 },
    { to: 'patchbourough', goods: 'textiles', keep: 8 },
    { to: 'patchbourough', goods: 'fish', keep: 400 },
    { to: 'patchbourough', goods: 'rope', keep: 20 },
    { to: 'circuiton', goods: 'fish', keep: 400 },
    { to: 'circuiton', goods: 'spices', keep: 4 },
    { to: 'circuiton', goods: 'textiles', keep: 8 },
  ],
  upkeep: UPKEEP,
  initial: () => ({
    gold: 800,
    stock: { fish: 300, nets: 8, rope: 12, spices: 4, textiles: 8, grain: 100, flour: 120, tools: 5 },
    local: {},
  }),
  sensors(turn) {
    // Two tides a day, and a storm surge when the pressure falls.
    const tide =
      1.6 + 1.3 * Math.sin((2 * Math.PI * turn.t * 24) / 12.42) + 0.03 * (1020 - turn.weather.pressure_hpa);
    const tide_m = round(tide, 2);
    return { data: { tide_m }, text: `tide ${tide_m} m` };
  },
  work(turn) {
    fishing(turn);
    if (turn.during(6, 22)) loft(turn);
    if (turn.during(5, 21) && turn.rng.chance(0.5)) harbour(turn);
  },
});

function fishing(turn: PortTurn): void {
  const fisher = turn.worker('fisher');
  if (turn.weather.storm || turn.stormToday) {
    const rule = turn.weather.storm ? 'stormBlowing' : 'stormForecast';
    turn.emit('fishing', turn.say(rule, { fisher }), { fish: 0 }, fisher);
    return;
  }
  const summer = 0.7 + 0.3 * season(turn.t);
  // The night boats fish by lantern light and bring in less.
  const light = turn.during(5, 21) ? 1 : 0.4;
  const calm = clamp(1 - (turn.weather.wind_kph - 15) / 60, 0.3, 1);
  const gear = turn.have('nets') >= 1 ? 1 : 0.3;
  const fish = inRange(500 * turn.rng.next() ** 0.8 * summer * calm * gear * light, 0, 500);
  turn.add('fish', fish);
  if (turn.rng.chance(0.15 + turn.weather.wind_kph / 200)) turn.take('nets', 1);
  const rule =
    fish === 0 ? 'empty' : fish < 100 ? 'poor' : fish > 350 ? 'fine' : light < 1 ? 'night' : 'catch';
  const data: EventData =
    fish === 0 ? { fish, empty_nets: 1 } : fish > 350 ? { fish, fine_haul: 1 } : { fish };
  const text = turn.say(rule, { fisher, fish });
  turn.emit('fishing', gear < 1 ? `${text} ${turn.say('noNets', {})}` : text, data, fisher);
}

function loft(turn: PortTurn): void {
  const maker = turn.worker('netmaker');
  const nets = inRange(1 + 0.6 * Math.max(0, NET_TARGET - turn.have('nets')) + turn.rng.int(0, 3), 1, 10);
  const ropes = inRange(turn.rng.int(0, 10) + 0.5 * Math.max(0, ROPE_TARGET - turn.have('rope')), 0, 20);
  turn.add('nets', nets);
  turn.add('rope', ropes);
  const rule = ropes === 0 ? 'netsOnly' : 'loft';
  turn.emit('maritime', turn.say(rule, { maker, nets, ropes }), { nets, ropes }, maker);
}

/** What the harbour can sell overseas of a good: all of it beyond two crates, and beyond the town's own needs. */
function sellable(turn: PortTurn, goods: Goods, upkeep: number): number {
  return turn.have(goods) - 2 * turn.goods(goods).perCrate - HOME_UPDATES * upkeep;
}

function harbour(turn: PortTurn): void {
  const trader = turn.worker('trader');
  const ship = turn.rng.pick(SHIPS);
  if (turn.weather.storm) {
    turn.emit('trade', turn.say('noShip', { trader }), {
      cargo_items: 0,
      from: 'overseas',
      to: turn.town,
    });
    return;
  }
  const upkeep: Record<string, number> = UPKEEP;
  const spare = EXPORTS.filter((g) => sellable(turn, g, upkeep[g] ?? 0) >= 0);
  if (spare.length > 0 && turn.rng.chance(0.5)) {
    const goods = turn.rng.pick(spare);
    const crates = Math.min(
      10,
      turn.rng.int(1, 10),
      Math.floor((turn.have(goods) - HOME_UPDATES * (upkeep[goods] ?? 0)) / turn.goods(goods).perCrate) - 1,
    );
    const quantity = turn.take(goods, round(crates * turn.goods(goods).perCrate, 4));
    const value = crates * turn.goods(goods).price;
    turn.state.gold += value;
    turn.emit(
      'trade',
      turn.say('export', { ship, trader, cargo: turn.cargo(goods, crates), value }),
      { cargo_items: crates, goods, quantity, from: turn.town, to: 'overseas', value_gold: value },
      trader,
    );
    return;
  }
  const goods = turn.rng.pick(IMPORTS);
  const price = turn.goods(goods).price;
  const crates = Math.min(turn.rng.int(1, 10), Math.floor(turn.state.gold / price));
  if (crates === 0) {
    turn.emit('trade', turn.say('emptyCoffers', { ship, goods, trader }), {
      cargo_items: 0,
      goods,
      from: 'overseas',
      to: turn.town,
    });
    return;
  }
  const quantity = round(crates * turn.goods(goods).perCrate, 4);
  turn.add(goods, quantity);
  turn.state.gold -= crates * price;
  turn.emit(
    'trade',
    turn.say('import', { ship, trader, cargo: turn.cargo(goods, crates), value: crates * price }),
    { cargo_items: crates, goods, quantity, from: 'overseas', to: turn.town, value_gold: crates * price },
    trader,
  );
}
