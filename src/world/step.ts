/**
 * The pure step of one town: (state, inputs, rng) → (state, events). It hears other towns'
 * events, delivers goods that have arrived, runs the town's jobs, sends trade down the route,
 * and reads the sensors. It reads no clock and draws no randomness but its own seeded Rng.
 */
import { worldDaysOf, worldTimeOf } from './clock.ts';
import { describeCargo, type Goods, type GoodsDef, type Stock, unitsOf } from './goods.ts';
import { RAID_KIND, SENSOR_KIND } from './kinds.ts';
import { round } from './num.ts';
import { Rng } from './rng.ts';
import type { AnyTownRules, TownRules, TownState, Turn } from './town.ts';
import type { Dispatch, EventData, TownEvent, TownId } from './types.ts';
import { STORM_WIND_KPH, stormOnDay, type Weather, weatherAt } from './weather.ts';
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

export function initialState<Local>(world: World, rules: TownRules<Local>): TownState<Local> {
  const { gold, stock, local } = rules.initial();
  return {
    seq: 0,
    t: 0,
    gold,
    stock: copyStock(world, stock),
    incoming: [],
    forecast: { day: 0, storm: false },
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
  for (const [goods, amount] of Object.entries(rules.upkeep)) turn.take(goods, amount);
  read(rules, turn);
  return { state, events: turn.events };
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
  }

  emit(kind: string, text: string, data: EventData, actor?: string): void {
    if (actor !== undefined && this.hands?.has(actor)) {
      // Done by an unnamed hand: no actor, and the sentence starts with a capital.
      this.events.push({ kind, text: text.charAt(0).toUpperCase() + text.slice(1), data });
    } else this.events.push(actor === undefined ? { kind, text, data } : { kind, actor, text, data });
  }

  worker(role: string): string {
    if (this.staff) {
      const onDuty = this.staff[role];
      if (onDuty && onDuty.length > 0) return this.workers.pick(onDuty);
      const hand = `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
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
    turn.state.incoming.push({
      id: data.shipment,
      from,
      goods: data.goods,
      crates: Number(data.cargo_items),
      arrives: dispatch.t + days,
    });
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
  turn.emit(
    'loss',
    `Pirates of ${turn.nameOf(dispatch.town)} robbed our shipment to ${turn.nameOf(String(data.to))} of ${what}, worth ${loot} gold.`,
    lossData,
  );
}

function deliver(world: World, turn: Turn): void {
  const due = turn.state.incoming.filter((s) => s.arrives <= turn.t);
  if (due.length === 0) return;
  turn.state.incoming = turn.state.incoming.filter((s) => s.arrives > turn.t);
  for (const s of due) {
    const goods = s.goods;
    const quantity = unitsOf(turn.goods(goods), s.crates);
    turn.add(goods, quantity);
    turn.state.gold = Math.max(0, turn.state.gold - s.crates * turn.goods(goods).price);
    const by = world.route(s.from, turn.town)?.by ?? 'road';
    turn.emit(
      'arrival',
      `The ${by} from ${world.rules(s.from).name} arrived with ${turn.cargo(goods, s.crates)}.`,
      {
        goods,
        quantity,
        cargo_items: s.crates,
        from: s.from,
        to: turn.town,
        shipment: s.id,
        stock: turn.have(goods),
      },
    );
  }
}

function trade(world: World, rules: AnyTownRules, turn: Turn, rng: Rng): void {
  if (!turn.during(...TRADE_HOURS) || turn.weather.storm || !rng.chance(TRADE_CHANCE)) return;
  const open = rules.exports.filter(
    (e) =>
      world.has(e.to) &&
      world.route(turn.town, e.to) &&
      turn.have(e.goods) - e.keep >= turn.goods(e.goods).perCrate,
  );
  if (open.length === 0) return;
  const order = rng.pick(open);
  const def = turn.goods(order.goods);
  const spare = Math.floor((turn.have(order.goods) - order.keep) / def.perCrate);
  const crates = Math.min(MAX_CRATES, spare, rng.int(1, MAX_CRATES));
  const quantity = turn.take(order.goods, unitsOf(def, crates));
  const value = crates * def.price;
  turn.state.gold += value;
  const route = world.route(turn.town, order.to);
  const shipment = `${turn.town}-${turn.state.seq}`;
  const trader = turn.worker('trader');
  turn.emit(
    'trade',
    `${trader} sent ${turn.cargo(order.goods, crates)} by ${route?.by} to ${world.rules(order.to).name}, sold for ${value} gold.`,
    {
      goods: order.goods,
      quantity,
      cargo_items: crates,
      from: turn.town,
      to: order.to,
      shipment,
      value_gold: value,
    },
    trader,
  );
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
