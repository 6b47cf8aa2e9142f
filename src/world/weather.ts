/**
 * One weather model for the whole world: a pure function of seed, time and place, so town
 * processes that never talk to each other still agree on it.
 *
 * Low-pressure fronts are born out at sea at irregular intervals and travel inland (east) at a
 * steady speed, so a pressure drop reaches the island and the port first and the mountains later.
 * Their depth drives wind, rain and storms; slow "dry spells" weaken them for weeks at a time, and
 * soil moisture remembers the rain of the last weeks, which is what makes a drought.
 */
import { DAYS_PER_YEAR } from './clock.ts';
import { clamp, round } from './num.ts';
import { hashString, noise } from './rng.ts';

export type Range = readonly [min: number, max: number];

export interface Climate {
  /** Distance inland from the open sea in route units (the island is 0, the mountains 3). */
  inland: number;
  /** The envelope every reading stays inside. */
  temperature: Range;
  pressure: Range;
  /** How exposed the place is to wind: open sea above 1, sheltered valleys below. */
  exposure: number;
}

export interface Weather {
  temperature_c: number;
  pressure_hpa: number;
  humidity_pct: number;
  wind_kph: number;
  rain_mm: number;
  /** Soil and river moisture from the rain of recent weeks, 0 (parched) to 1 (sodden). */
  moisture: number;
  storm: boolean;
}

/** Wind at or above this is a storm: boats stay in, raiders stay home. */
export const STORM_WIND_KPH = 55;
/** Below this moisture the land is in drought. */
export const DROUGHT_MOISTURE = 0.2;

const FRONT_EVERY_DAYS = 2.5;
const FRONT_BIRTH_JITTER_DAYS = 1.5;
const FRONT_START_INLAND = -1;
const FRONT_SPEED_PER_DAY = 4;
const FRONT_WIDTH = 0.6;
const MAX_FRONT_DEPTH_HPA = 30;
const RAIN_MEMORY_DAYS = 7;
const DRY_SPELL_DAYS = 25;

interface Front {
  born: number;
  depth: number;
}

// Labels that keep the weather's noise streams apart.
const FRONT_BORN = hashString('front-born');
const FRONT_DEPTH = hashString('front-depth');
const DRY_SPELL = hashString('dry-spell');
const GUST = hashString('gust');
const TEMPERATURE = hashString('temperature');

function smoothNoise(key: number, x: number): number {
  const i = Math.floor(x);
  const f = x - i;
  const s = f * f * (3 - 2 * f);
  const a = noise(key, i);
  return a + (noise(key, i + 1) - a) * s;
}

// Fronts are pure functions of (seed, k); every town asks for the same few thousand of them.
const fronts = new Map<number, Front>();
let frontsSeed = 0;

function front(seed: number, k: number): Front {
  if (seed !== frontsSeed || fronts.size > 50_000) {
    fronts.clear();
    frontsSeed = seed;
  }
  let f = fronts.get(k);
  if (!f) {
    const born = k * FRONT_EVERY_DAYS + noise(seed ^ FRONT_BORN, k) * FRONT_BIRTH_JITTER_DAYS;
    const wetness = 0.2 + smoothNoise(seed ^ DRY_SPELL, born / DRY_SPELL_DAYS);
    const depth = wetness * (4 + (MAX_FRONT_DEPTH_HPA - 4) * noise(seed ^ FRONT_DEPTH, k) ** 1.5);
    f = { born, depth: Math.min(depth, MAX_FRONT_DEPTH_HPA) };
    fronts.set(k, f);
  }
  return f;
}

function anomalyAt(seed: number, inland: number, t: number): number {
  // A front crosses the whole map in about a day, so only those born in the last 2.5 days matter.
  const first = Math.floor((t - 2.5) / FRONT_EVERY_DAYS) - 1;
  const last = Math.floor(t / FRONT_EVERY_DAYS);
  let sum = 0;
  for (let k = first; k <= last; k++) {
    const f = front(seed, k);
    if (t < f.born) continue;
    const d = (inland - (FRONT_START_INLAND + FRONT_SPEED_PER_DAY * (t - f.born))) / FRONT_WIDTH;
    sum -= f.depth * Math.exp(-d * d);
  }
  return sum;
}

/** Pressure anomaly (hPa, ≤ 0) from the fronts over a place at world time t. */
export function pressureAnomaly(seed: string, inland: number, t: number): number {
  return anomalyAt(hashString(seed), inland, t);
}

// Soil moisture changes over days: it is worked out every six hours and remembered.
const MOISTURE_STEPS_PER_DAY = 4;
const moistures = new Map<string, number>();
let moisturesSeed = 0;

function moisture(seed: number, inland: number, t: number): number {
  const step = Math.floor(t * MOISTURE_STEPS_PER_DAY);
  if (seed !== moisturesSeed || moistures.size > 50_000) {
    moistures.clear();
    moisturesSeed = seed;
  }
  const key = `${inland}:${step}`;
  let value = moistures.get(key);
  if (value === undefined) {
    value = moistureAtStep(seed, inland, step / MOISTURE_STEPS_PER_DAY);
    moistures.set(key, value);
  }
  return value;
}

function moistureAtStep(seed: number, inland: number, t: number): number {
  const first = Math.floor((t - 4 * RAIN_MEMORY_DAYS) / FRONT_EVERY_DAYS) - 1;
  const last = Math.floor(t / FRONT_EVERY_DAYS);
  let wet = 0;
  for (let k = first; k <= last; k++) {
    const f = front(seed, k);
    const passed = f.born + (inland - FRONT_START_INLAND) / FRONT_SPEED_PER_DAY;
    if (passed > t) continue;
    wet += Math.max(0, f.depth - 6) * Math.exp(-(t - passed) / RAIN_MEMORY_DAYS);
  }
  const summerDrying = 1 - 0.25 * Math.max(0, season(t));
  return clamp((1 - Math.exp(-wet / 12)) * summerDrying, 0, 1);
}

/** Moisture remembers the rain of the fronts that passed in recent weeks. */
export function moistureAt(seed: string, inland: number, t: number): number {
  return moisture(hashString(seed), inland, t);
}

/** -1 in deep winter, +1 at midsummer (around day 190). */
export function season(t: number): number {
  return Math.sin((2 * Math.PI * (t - 100)) / DAYS_PER_YEAR);
}

/** Judged on the wind as the sensors report it, so a reading and the towns' behaviour always agree. */
function isStorm(windKph: number): boolean {
  return round(windKph, 1) >= STORM_WIND_KPH;
}

function windKph(seed: number, c: Climate, t: number, anomaly: number): number {
  const gust = noise(seed ^ GUST, Math.round(c.inland * 1000), Math.floor(t * 24));
  return (6 + 1.9 * -anomaly + 10 * gust) * c.exposure;
}

export function weatherAt(seedText: string, c: Climate, t: number): Weather {
  const seed = hashString(seedText);
  const anomaly = anomalyAt(seed, c.inland, t);
  const jitter = 2 * noise(seed ^ TEMPERATURE, Math.round(c.inland * 1000), Math.floor(t * 24)) - 1;

  const [tLo, tHi] = c.temperature;
  const span = tHi - tLo;
  const dayFraction = t - Math.floor(t);
  const temperature =
    (tLo + tHi) / 2 +
    0.3 * span * season(t) +
    0.12 * span * Math.sin(2 * Math.PI * (dayFraction - 0.375)) -
    0.1 * -anomaly +
    0.05 * span * jitter;

  const [pLo, pHi] = c.pressure;
  const pressure = pHi - 0.2 * (pHi - pLo) + 1.5 * jitter + anomaly;

  const wind = windKph(seed, c, t, anomaly);
  const wetness = moisture(seed, c.inland, t);
  const rain = Math.max(0, -anomaly - 5) * 0.6;
  const humidity = 50 + 1.6 * -anomaly + 15 * (c.exposure - 1) + 15 * wetness + 5 * jitter;

  return {
    temperature_c: clamp(round(temperature, 1), tLo, tHi),
    pressure_hpa: clamp(round(pressure, 1), pLo, pHi),
    humidity_pct: clamp(round(humidity), 15, 100),
    wind_kph: round(wind, 1),
    rain_mm: round(rain, 1),
    moisture: round(wetness, 3),
    storm: isStorm(wind),
  };
}

/** Whether a storm blows at this place at any time of the given day: what a harbourmaster forecasts. */
export function stormOnDay(seedText: string, c: Climate, day: number): boolean {
  const seed = hashString(seedText);
  // Most days no front is deep enough for a storm even with the strongest gust: skip the sampling.
  let deepest = 0;
  for (let k = Math.floor((day - 3.5) / FRONT_EVERY_DAYS) - 1; k <= Math.floor(day / FRONT_EVERY_DAYS); k++) {
    deepest = Math.max(deepest, front(seed, k).depth);
  }
  if ((16 + 1.9 * deepest) * c.exposure < STORM_WIND_KPH) return false;
  // Every tenth of an hour: exactly the times an update can carry, so no storm slips between samples.
  for (let tenth = 0; tenth < 240; tenth++) {
    const t = day - 1 + tenth / 240;
    if (isStorm(windKph(seed, c, t, anomalyAt(seed, c.inland, t)))) return true;
  }
  return false;
}
