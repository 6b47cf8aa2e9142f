/**
 * The pure step of one town: (state, inputs, rng) → (state, events). It hears other towns'
 * events, delivers goods that have arrived, runs the town's jobs, sends trade down the route,
 * and reads the sensors. It reads no clock and draws no randomness but its own seeded Rng.
 */
import { worldDaysOf, worldTimeOf } from './clock.ts';
import { describeCargo, type Goods, type GoodsDef, type Stock, unitsOf } from './goods.ts';
import { type Grammar, say, type Values } from './grammar.ts';
import { ORDER_KIND, RAID_KIND, RECALL_FIELD, SENSOR_KIND } from './kinds.ts';
import { type Memory, remember } from './memory.ts';
import { round } from './num.ts';
import { Rng } from './rng.ts';
import { article, capitalise } from './text.ts';
import type { AnyTownRules, Export, Order, TownRules, TownState, Turn } from './town.ts';
import type { Dispatch, EventData, TownEvent, TownId } from './types.ts';
import { STORM_WIND_KPH, stormOnDay, type Weather, weatherAt } from './weather.ts';
import { COMMON_WORDS } from './words.ts';
import type { Route, World } from './world.ts';

export interface StepInput {
  seed: string;
  /** World time of this update; it never goes back before the previous one. */
  t: number;
  /** Other towns' events that concern this town, in the order they happened. */
  inbox: readonly Dispatch[];
  /**
   * The residents at work now, by role. Given, they do the jobs, and a role with no one on duty is
   * done by an unnamed hand; without it, the rules' named workers take turns as before.
   */
  staff?: Readonly<Record<string, readonly string[]>>;
  /** A scripted storm blows here now, whatever the weather model says. */
  storm?: boolean;
}

export interface StepResult<Local> {
  state: TownState<Local>;
  events: TownEvent[];
}

/** Trade leaves in working hours, about four updates in ten. */
const TRADE_HOURS = [6, 18] as const;
const TRADE_CHANCE = 0.4;
const MAX_CRATES = 10;
/**
 * A town orders a good it uses up when it holds less than this many updates' worth (or less than
 * its `needs`), asks for twice that less what it has, and asks again if nothing came within a day.
 */
const ORDER_BELOW_UPDATES = 20;
const REORDER_DAYS = 1;
/** A town short of a good offers more for it, the shorter the more, up to double the usual price. */
const MAX_PRICE_RISE = 2;

export function initialState<Local>(world: World, rules: TownRules<Local>): TownState<Local> {
  const { gold, stock, local } = rules.initial();
  return {
    seq: 0,
    t: 0,
    gold,
    stock: copyStock(world, stock),
    incoming: [],
    forecast: { day: 0, storm: false },
    memory: {},
    local,
  };
}

/** World time as an update reports it: whole tenths of an hour, so sender and receiver agree. */
export function quantise(t: number): number {
  const { day, hour } = worldTimeOf(t);
  return worldDaysOf(day, hour);
}

export function stepTown<Local>(
  world: World,
  rules: TownRules<Local>,
  previous: TownState<Local>,
  input: StepInput,
): StepResult<Local> {
  const state: TownState<Local> = {
    seq: previous.seq,
    t: previous.t,
    gold: previous.gold,
    stock: copyStock(world, previous.stock),
    incoming: previous.incoming.map((s) => ({ ...s })),
    forecast: { day: previous.forecast.day, storm: previous.forecast.storm },
    // Shared with the previous state: remember() copies a business's memory before it changes it.
    // A state saved before towns remembered starts with an empty memory.
    memory: { ...previous.memory },
    orders: copy(previous.orders ?? []),
    ordered: { ...previous.ordered },
    local: copy(previous.local),
  };
  const t = Math.max(quantise(input.t), previous.t);
  const { day } = worldTimeOf(t);
  state.seq = previous.seq + 1;
  state.t = t;
  if (state.forecast.day !== day) state.forecast = { day, storm: stormOnDay(input.seed, rules.climate, day) };

  const rng = Rng.of(input.seed, rules.id, state.seq);
  const turn = new TownTurn(world, rules, state, input.seed, rng, input.staff, input.storm);
  for (const dispatch of input.inbox) hear(world, rules, turn, dispatch);
  deliver(world, turn);
  rules.work(turn);
  trade(world, rules, turn, rng.split('trade'));
  remember(state.memory as Memory, world.kindsByName, day, turn.events, rng.split('memory'));
  for (const [goods, amount] of Object.entries(rules.upkeep)) turn.take(goods, amount);
  orderShortages(world, rules, turn, rng.split('orders'));
  read(rules, turn);
  return { state, events: turn.events };
}

const grammars = new WeakMap<AnyTownRules, Grammar>();

/** A town's grammar: its own words, and the common ones for what it does not say its own way. */
function wordsOf(rules: AnyTownRules): Grammar {
  let grammar = grammars.get(rules);
  if (!grammar) {
    grammar = { ...COMMON_WORDS, ...rules.words };
    grammars.set(rules, grammar);
  }
  return grammar;
}

/** Every town's stock holds every good, in one key order, so all stocks share one shape (and stay fast). */
function copyStock(world: World, stock: Stock): Stock {
  const out: Stock = {};
  for (const goods of world.goods.keys()) out[goods] = stock[goods] ?? 0;
  return out;
}

/** A deep copy of plain data (a town's local state); far faster than structuredClone on small objects. */
function copy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copy((value as Record<string, unknown>)[key]);
  return out as T;
}

/** The Turn handed to a town's rules: a class, so one step allocates no closures. */
class TownTurn<Local> implements Turn<Local> {
  readonly town: TownId;
  readonly day: number;
  readonly hour: number;
  readonly t: number;
  readonly weather: Weather;
  readonly stormToday: boolean;
  readonly rng: Rng;
  readonly events: TownEvent[] = [];
  /** Stand-ins handed out this turn for roles with no resident on duty. */
  private hands: Set<string> | undefined;
  private readonly workers: Rng;
  private readonly words: Rng;

  constructor(
    private readonly world: World,
    private readonly rules: TownRules<Local>,
    readonly state: TownState<Local>,
    readonly seed: string,
    rng: Rng,
    private readonly staff?: Readonly<Record<string, readonly string[]>>,
    storm = false,
  ) {
    this.town = rules.id as TownId;
    this.t = state.t;
    ({ day: this.day, hour: this.hour } = worldTimeOf(state.t));
    const weather = weatherAt(seed, rules.climate, state.t);
    this.weather = storm
      ? {
          ...weather,
          storm: true,
          wind_kph: Math.max(weather.wind_kph, STORM_WIND_KPH + 20),
          rain_mm: Math.max(weather.rain_mm, 12),
        }
      : weather;
    this.stormToday = state.forecast.storm || storm;
    this.rng = rng.split('work');
    this.workers = rng.split('workers');
    this.words = rng.split('words');
  }

  emit(kind: string, text: string, data: EventData, actor?: string): void {
    if (actor !== undefined && this.hands?.has(actor)) {
      // Done by an unnamed hand: no actor, and the sentence starts with a capital.
      this.events.push({ kind, text: capitalise(text), data });
    } else this.events.push(actor === undefined ? { kind, text, data } : { kind, actor, text, data });
  }

  say(start: string, values: Values): string {
    return say(wordsOf(this.rules), start, values, this.words);
  }

  worker(role: string): string {
    if (this.staff) {
      const onDuty = this.staff[role];
      if (onDuty && onDuty.length > 0) return this.workers.pick(onDuty);
      const hand = `${article(role)} ${role}`;
      this.hands ??= new Set();
      this.hands.add(hand);
      return hand;
    }
    const names = this.world.workers(this.rules.id)[role];
    if (!names || names.length === 0)
      throw new Error(`${this.rules.id} has no worker for the role "${role}"`);
    return this.workers.pick(names);
  }

  take(goods: Goods, amount: number): number {
    const stock = this.state.stock[goods] ?? 0;
    const taken = Math.max(0, Math.min(amount, stock));
    this.state.stock[goods] = round(stock - taken, 4);
    return taken;
  }

  add(goods: Goods, amount: number): void {
    this.state.stock[goods] = round((this.state.stock[goods] ?? 0) + amount, 4);
  }

  have(goods: Goods): number {
    return this.state.stock[goods] ?? 0;
  }

  during(from: number, to: number): boolean {
    return from <= to ? this.hour >= from && this.hour < to : this.hour >= from || this.hour < to;
  }

  route(from: string, to: string): Route | null {
    return this.world.route(from, to);
  }

  nameOf(town: string): string {
    return this.world.has(town) ? this.world.rules(town).name : town;
  }

  isGoods(name: unknown): name is Goods {
    return typeof name === 'string' && this.world.goods.has(name);
  }

  goods(name: Goods): GoodsDef {
    const def = this.world.goods.get(name);
    if (!def) throw new Error(`${this.rules.id}: no town makes the good "${name}"`);
    return def;
  }

  cargo(goods: Goods, crates: number): string {
    return describeCargo(goods, this.goods(goods), crates);
  }
}

function hear(world: World, rules: AnyTownRules, turn: Turn, dispatch: Dispatch): void {
  const { event } = dispatch;
  const data = event.data;
  const me = turn.town;
  if (
    event.kind === 'trade' &&
    data.to === me &&
    typeof data.shipment === 'string' &&
    turn.isGoods(data.goods)
  ) {
    const from = dispatch.town;
    const days = world.route(from, me)?.days ?? 0;
    const crates = Number(data.cargo_items);
    const price = Number(data.value_gold) / crates;
    turn.state.incoming.push({
      id: data.shipment,
      from,
      goods: data.goods,
      crates,
      arrives: dispatch.t + days,
      ...(price !== turn.goods(data.goods).price && Number.isFinite(price) ? { price } : {}),
    });
  } else if (event.kind === ORDER_KIND && data.from === me && turn.isGoods(data.goods)) {
    const order: Order = {
      to: dispatch.town,
      goods: data.goods,
      quantity: Number(data.quantity),
      price: Number(data.price_gold),
    };
    const orders = (turn.state.orders ?? []).filter((o) => o.to !== order.to || o.goods !== order.goods);
    turn.state.orders = [...orders, order];
  } else if (event.kind === RAID_KIND && data.target === me) {
    recordLoss(turn, dispatch);
  } else if (event.kind === RAID_KIND && data.to === me) {
    // Our goods were taken on the way: fewer crates will arrive, or none.
    const shipment = turn.state.incoming.find((s) => s.id === data.shipment);
    if (shipment) shipment.crates -= Math.min(shipment.crates, Number(data.cargo_items));
    turn.state.incoming = turn.state.incoming.filter((s) => s.crates > 0);
  }
  if (rules.watches?.includes(event.kind)) rules.observe?.(turn, dispatch);
}

function recordLoss(turn: Turn, dispatch: Dispatch): void {
  const { data } = dispatch.event;
  const loot = Number(data.loot_gold);
  // The sender sold the goods when they left; robbed, it pays the buyer back.
  turn.state.gold = Math.max(0, turn.state.gold - loot);
  const goods = turn.isGoods(data.goods) ? data.goods : undefined;
  const what = goods ? turn.cargo(goods, Number(data.cargo_items)) : 'goods';
  const lossData: EventData = { target: turn.town, loot_gold: loot, raider: dispatch.town };
  for (const key of ['goods', 'quantity', 'cargo_items', 'shipment', 'from', 'to'] as const) {
    const value = data[key];
    if (value !== undefined) lossData[key] = value;
  }
  const values = { raiders: turn.nameOf(dispatch.town), to: turn.nameOf(String(data.to)), what, loot };
  turn.emit('loss', turn.say('loss', values), lossData);
}

function deliver(world: World, turn: Turn): void {
  const due = turn.state.incoming.filter((s) => s.arrives <= turn.t);
  if (due.length === 0) return;
  turn.state.incoming = turn.state.incoming.filter((s) => s.arrives > turn.t);
  for (const s of due) {
    const goods = s.goods;
    const quantity = unitsOf(turn.goods(goods), s.crates);
    turn.add(goods, quantity);
    turn.state.gold = Math.max(0, turn.state.gold - s.crates * (s.price ?? turn.goods(goods).price));
    const awaited = turn.state.ordered?.[goods] !== undefined;
    if (awaited) delete turn.state.ordered?.[goods];
    const by = world.route(s.from, turn.town)?.by ?? 'road';
    const values = { by, from: world.rules(s.from).name, cargo: turn.cargo(goods, s.crates), goods };
    turn.emit('arrival', turn.say(awaited ? 'relief' : 'arrival', values), {
      goods,
      quantity,
      cargo_items: s.crates,
      from: s.from,
      to: turn.town,
      shipment: s.id,
      stock: turn.have(goods),
    });
  }
}

/** What a town can spare of a standing export: crates beyond what it keeps (half of that when asked in a shortage). */
function spareCrates(turn: Turn, e: Export, ordered: boolean): number {
  return Math.floor((turn.have(e.goods) - (ordered ? e.keep / 2 : e.keep)) / turn.goods(e.goods).perCrate);
}

/**
 * Trade down the routes: an order from a town short of a good is shipped first, at the price it
 * offered; otherwise one standing export, the fuller the store beyond its keep the likelier.
 */
function trade(world: World, rules: AnyTownRules, turn: Turn, rng: Rng): void {
  if (!turn.during(...TRADE_HOURS) || turn.weather.storm || !rng.chance(TRADE_CHANCE)) return;
  const sendable = (e: Export) => world.has(e.to) && world.route(turn.town, e.to) !== null;
  const orders = turn.state.orders ?? [];
  for (const order of orders) {
    const standing = rules.exports.find((e) => e.to === order.to && e.goods === order.goods);
    if (!standing || !sendable(standing)) continue;
    const wanted = Math.ceil(order.quantity / turn.goods(order.goods).perCrate);
    const crates = Math.min(MAX_CRATES, wanted, spareCrates(turn, standing, true));
    if (crates < 1) continue;
    turn.state.orders = orders.filter((o) => o !== order);
    ship(world, turn, standing, crates, order.price, rng);
    return;
  }
  const open = rules.exports.filter((e) => sendable(e) && spareCrates(turn, e, false) >= 1);
  if (open.length === 0) return;
  const standing = rng.pick(open);
  const crates = Math.min(MAX_CRATES, spareCrates(turn, standing, false), rng.int(1, MAX_CRATES));
  ship(world, turn, standing, crates, turn.goods(standing.goods).price, rng);
}

function ship(world: World, turn: Turn, standing: Export, crates: number, price: number, rng: Rng): void {
  const def = turn.goods(standing.goods);
  const quantity = turn.take(standing.goods, unitsOf(def, crates));
  const value = crates * price;
  turn.state.gold += value;
  const route = world.route(turn.town, standing.to);
  const shipment = `${turn.town}-${turn.state.seq}`;
  const trader = turn.worker('trader');
  const values = {
    trader,
    cargo: turn.cargo(standing.goods, crates),
    by: route?.by ?? 'road',
    to: world.rules(standing.to).name,
    value,
    price,
    usual: def.price,
    goods: standing.goods,
  };
  const data: EventData = {
    goods: standing.goods,
    quantity,
    cargo_items: crates,
    from: turn.town,
    to: standing.to,
    shipment,
    value_gold: value,
  };
  const rule = price > def.price ? (price >= 2 * def.price ? 'doubled' : 'dearer') : 'sent';
  if (rule !== 'sent') data[RECALL_FIELD] = 'price';
  turn.emit('trade', say(COMMON_WORDS, rule, values, rng), data, trader);
}

/**
 * What a town likes to hold of each good it uses: a while of what it uses up, and what its
 * businesses work from.
 */
function reserveOf(rules: AnyTownRules, goods: string): number {
  return Math.max(ORDER_BELOW_UPDATES * (rules.upkeep[goods] ?? 0), rules.needs?.[goods] ?? 0);
}

/**
 * A town that holds less of a good than it likes to orders it from the town that supplies it,
 * offering more the shorter it is; again, dearer, if nothing came within a day.
 */
function orderShortages(world: World, rules: AnyTownRules, turn: Turn, rng: Rng): void {
  for (const goods of new Set([...Object.keys(rules.upkeep), ...Object.keys(rules.needs ?? {})])) {
    const have = turn.have(goods);
    const reserve = reserveOf(rules, goods);
    if (!(reserve > 0) || have >= reserve) continue;
    turn.state.ordered ??= {};
    const ordered = turn.state.ordered;
    const last = ordered[goods];
    if (last !== undefined && turn.t - last < REORDER_DAYS) continue;
    const supplier = world.suppliersOf(turn.town, goods).find((id) => world.route(id, turn.town) !== null);
    if (!supplier) continue;
    const def = turn.goods(goods);
    const again = last !== undefined;
    const shortBy = 1 - have / reserve;
    const rise = Math.min(MAX_PRICE_RISE, 1 + 0.5 * shortBy + (again ? 0.5 : 0));
    const price = Math.round(def.price * rise);
    const quantity = round(2 * reserve - have, 4);
    ordered[goods] = turn.t;
    const values = {
      goods,
      have: `${round(have, 2)} ${def.unit}`,
      supplier: world.rules(supplier).name,
      price,
      usual: def.price,
      town: rules.name,
    };
    turn.emit(ORDER_KIND, say(COMMON_WORDS, again ? 'reorder' : 'order', values, rng), {
      goods,
      quantity,
      from: supplier,
      to: turn.town,
      price_gold: price,
      [RECALL_FIELD]: 'low-stock',
    });
  }
}

function read(rules: AnyTownRules, turn: Turn): void {
  const w = turn.weather;
  const extra = rules.sensors?.(turn);
  const data: EventData = {
    temperature_c: w.temperature_c,
    pressure_hpa: w.pressure_hpa,
    humidity_pct: w.humidity_pct,
    wind_kph: w.wind_kph,
    rain_mm: w.rain_mm,
    ...extra?.data,
  };
  const rain = w.rain_mm > 0 ? `, rain ${w.rain_mm} mm` : '';
  const storm = w.storm ? ' Storm warning.' : '';
  if (w.storm) data.storm = 1;
  turn.emit(
    SENSOR_KIND,
    `${w.temperature_c} °C, ${w.pressure_hpa} hPa, humidity ${w.humidity_pct}%, wind ${w.wind_kph} km/h${rain}${extra ? `, ${extra.text}` : ''}.${storm}`,
    data,
  );
}
