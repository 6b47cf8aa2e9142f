/**
 * Den of Thieves, the pirates' island: the tavern, the raids on the trade route, the boat that
 * carries them and the arrows they shoot. The Den watches every trade that leaves any town and
 * raids the shipments still on their way.
 */
import { type Goods, unitsOf } from '../../goods.ts';
import { clamp, inRange, round } from '../../num.ts';
import { defineTown, type Turn } from '../../town.ts';
import { KINDS } from './events.ts';
import { PEOPLE, PLACES, TASKS } from './people.ts';
import { WORDS } from './words.ts';

interface Sighting {
  shipment: string;
  from: string;
  to: string;
  goods: Goods;
  crates: number;
  arrives: number;
}

interface Local {
  /** The Black Gull's hull: 1 is sound; below SEAWORTHY she cannot sail. */
  boat: number;
  morale: number;
  arrows: number;
  lastRaid: number;
  sightings: Sighting[];
}
type DenTurn = Turn<Local>;

export const SHIP_NAME = 'Black Gull';
const SEAWORTHY = 0.25;
const REPAIR_BELOW = 0.6;
const REPAIR_COST_GOLD = 40;
const ARROWS_PER_RAID = 10;
const ARROW_RACK = 60;
const RAID_COOLDOWN_DAYS = 0.4;
const MIN_PRIZE_GOLD = 100;
const MAX_HAUL_GOLD = 500;
const DRINK_PRICE_GOLD = 2;

function value(turn: DenTurn, s: Sighting): number {
  return s.crates * turn.goods(s.goods).price;
}

export default defineTown<Local>({
  id: 'den-of-thieves',
  name: 'Den of Thieves',
  description: 'the pirates’ island at sea: the tavern, the raiders, their boat and their arrows',
  aliases: 'den of thieves|den-of-thieves|the den|den|pirates?|pirate island|the island|thieves|island',
  colour: '#c0392b',
  position: [110, 170],
  routes: [{ to: 'port-logic', people: { hours: 3, by: 'smugglers’ skiff' } }],
  climate: { inland: 0, temperature: [15, 35], pressure: [990, 1020], exposure: 1.3 },
  kinds: KINDS,
  words: WORDS,
  places: PLACES,
  people: PEOPLE,
  tasks: TASKS,
  watches: ['trade'],
  exports: [],
  upkeep: {},
  initial: () => ({
    gold: 300,
    stock: {},
    local: { boat: 0.9, morale: 0.6, arrows: 40, lastRaid: -1, sightings: [] },
  }),
  observe(turn, { town, t, event }) {
    const d = event.data;
    if (typeof d.shipment !== 'string' || !turn.isGoods(d.goods) || typeof d.to !== 'string') return;
    // A shipment can be raided until it arrives, a route's length after it left.
    const route = turn.route(town, d.to);
    if (!route) return;
    turn.state.local.sightings.push({
      shipment: d.shipment,
      from: town,
      to: d.to,
      goods: d.goods,
      crates: Number(d.cargo_items),
      arrives: t + route.days,
    });
  },
  work(turn) {
    const den = turn.state.local;
    den.sightings = den.sightings.filter((s) => s.arrives > turn.t);
    if (turn.weather.storm) den.boat = Math.max(0, den.boat - 0.05);
    turn.state.gold += 4; // wrecking and odd jobs keep a little coin coming in
    den.morale = clamp(den.morale - 0.01, 0, 1);

    lookout(turn);
    const prize = den.sightings
      .filter((s) => value(turn, s) >= MIN_PRIZE_GOLD)
      .sort((a, b) => value(turn, b) - value(turn, a))[0];
    if (prize && turn.t - den.lastRaid >= RAID_COOLDOWN_DAYS && turn.rng.chance(0.5)) raid(turn, prize);
    if (turn.during(8, 18) && den.boat < REPAIR_BELOW) repair(turn);
    if (turn.during(8, 20) && den.arrows < ARROW_RACK) fletch(turn);
    if (turn.during(16, 4)) tavern(turn);
  },
});

function lookout(turn: DenTurn): void {
  const sails = turn.state.local.sightings;
  if (sails.length === 0) {
    turn.emit('lookout', turn.say('noSails', {}), { sails: 0 });
    return;
  }
  const richest = sails.reduce((a, b) => (value(turn, b) > value(turn, a) ? b : a));
  const values = {
    sails: sails.length,
    goods: richest.goods,
    from: turn.nameOf(richest.from),
    to: turn.nameOf(richest.to),
  };
  turn.emit('lookout', turn.say('sails', values), { sails: sails.length });
}

function raid(turn: DenTurn, prize: Sighting): void {
  const den = turn.state.local;
  const captain = turn.worker('captain');
  const why = turn.weather.storm
    ? 'storm'
    : den.boat < SEAWORTHY
      ? 'hull'
      : den.arrows < ARROWS_PER_RAID
        ? 'arrows'
        : undefined;
  const base = { captain, goods: prize.goods, from: turn.nameOf(prize.from), ship: SHIP_NAME };
  if (why) {
    const values = { ...base, wind: turn.weather.wind_kph, arrows: den.arrows };
    turn.emit('raid', turn.say(`letGo-${why}`, values), { raid_gold: 0 }, captain);
    return;
  }

  const taken = Math.min(prize.crates, Math.floor(MAX_HAUL_GOLD / turn.goods(prize.goods).price));
  const loot = taken * turn.goods(prize.goods).price;
  turn.state.gold += loot;
  den.arrows -= turn.rng.int(ARROWS_PER_RAID / 2, ARROWS_PER_RAID);
  den.boat = round(Math.max(0, den.boat - turn.rng.range(0.08, 0.2)), 3);
  den.morale = clamp(den.morale + 0.15, 0, 1);
  den.lastRaid = turn.t;
  den.sightings = den.sightings.filter((s) => s.shipment !== prize.shipment);
  const values = { ...base, loot, cargo: turn.cargo(prize.goods, taken), to: turn.nameOf(prize.to) };
  turn.emit(
    'raid',
    turn.say('raid', values),
    {
      raid_gold: loot,
      loot_gold: loot,
      target: prize.from,
      goods: prize.goods,
      quantity: unitsOf(turn.goods(prize.goods), taken),
      cargo_items: taken,
      shipment: prize.shipment,
      from: prize.from,
      to: prize.to,
    },
    captain,
  );
}

function repair(turn: DenTurn): void {
  const den = turn.state.local;
  const bosun = turn.worker('bosun');
  const values = { bosun, ship: SHIP_NAME, cost: REPAIR_COST_GOLD };
  if (turn.state.gold < REPAIR_COST_GOLD) {
    turn.emit('repair', turn.say('noTimber', values), { boat_repaired: 0 }, bosun);
    return;
  }
  turn.state.gold -= REPAIR_COST_GOLD;
  den.boat = 1;
  turn.emit('repair', turn.say('repaired', values), { boat_repaired: 1 }, bosun);
}

function fletch(turn: DenTurn): void {
  const den = turn.state.local;
  const fletcher = turn.worker('fletcher');
  const arrows = inRange(turn.rng.int(5, 50) * Math.min(1, (ARROW_RACK - den.arrows) / 30), 1, 50);
  den.arrows += arrows;
  turn.emit('arrows', turn.say('arrows', { fletcher, arrows, racks: den.arrows }), { arrows }, fletcher);
}

function tavern(turn: DenTurn): void {
  const den = turn.state.local;
  const keeper = turn.worker('keeper');
  if (turn.state.gold < 3 * DRINK_PRICE_GOLD) {
    turn.emit('drinking', turn.say('broke', { keeper }), { drinks: 0 }, keeper);
    return;
  }
  const drinks = inRange(3 + 17 * turn.rng.next() * (0.3 + 0.7 * den.morale), 3, 20);
  turn.state.gold -= drinks * DRINK_PRICE_GOLD;
  den.morale = clamp(den.morale + 0.01 * drinks, 0, 1);
  const mood = den.morale > 0.7 ? 'singing' : den.morale < 0.3 ? 'grumbling' : 'talking';
  turn.emit('drinking', turn.say(`drinks-${mood}`, { keeper, drinks }), { drinks }, keeper);
}
