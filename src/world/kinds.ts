/**
 * The events every town emits, whatever its trade: the weather its sensors read, the goods it sends
 * and receives, and what pirates rob from it. The step (step.ts) emits them; each town's own kinds
 * live in its folder under towns/. The agent, the API and the viewer read both from here.
 */
import type { AnyTownRules, EventKindDef, MetricDef } from './town.ts';
import { STORM_WIND_KPH } from './weather.ts';

const SENSOR_KIND_NAME = 'sensor';

const reading = (m: Omit<MetricDef, 'measure'>): MetricDef => ({ measure: 'reading', ...m });

/** What every town's sensors read each update; a town's folder may add its own readings. */
export const WEATHER_METRICS: readonly MetricDef[] = [
  reading({
    key: 'temperature_c',
    label: 'temperature',
    unit: '°C',
    decimals: 1,
    range: [-40, 50],
    stated: /(-?\d+(?:\.\d+)?)\s*°C/i,
    words:
      /\btemperatures?\b|\btemps?\b|\bwarm(est|er|th)?\b|\bhot(test|ter)?\b|\bcold(est|er)?\b|\bchill(y|iest)?\b|\bfreez(ing|e)\b|\bdegrees?\b|\bheat\b/,
    chart: { group: 'weather' },
  }),
  reading({
    key: 'pressure_hpa',
    label: 'air pressure',
    unit: 'hPa',
    decimals: 1,
    range: [900, 1100],
    stated: /(\d+(?:\.\d+)?)\s*hPa/i,
    words: /\bpressure\b|\bhpa\b|\bbarometer\b|\bweight of the air\b/,
    chart: { group: 'weather' },
  }),
  reading({
    key: 'humidity_pct',
    label: 'humidity',
    unit: '%',
    decimals: 0,
    range: [0, 100],
    words: /\bhumid(ity|est)?\b|\bmugg(y|ier|iest)\b|\bsticky\b|\bstickiest\b|\bdamp(ness|est|er)?\b/,
  }),
  reading({
    key: 'wind_kph',
    label: 'wind',
    unit: 'km/h',
    decimals: 1,
    range: [0, 250],
    words: /\bwind(s|y|iest|ier|speed)?\b|\bgusts?\b|\bbreez(e|y)\b|\bcalm(er|est)?\b/,
  }),
  reading({
    key: 'rain_mm',
    label: 'rain',
    unit: 'mm',
    decimals: 1,
    range: [0, 500],
    words:
      /\brain(s|fall|ed|y|iest|ier)?\b|\bwett?(est|er)?\b|\bprecipitation\b|\bdri(er|est)\b|\bsoaked\b|\bdrench(ed|es|ing)?\b|\bdownpours?\b/,
    // "How much rain" is the rain that fell, not the mean of the readings.
    natural: 'sum',
  }),
];

const SHIPMENT_FIELDS = {
  goods: 'goods',
  quantity: 'number',
  from: 'town',
  to: 'town',
  shipment: 'text',
} as const;

export const COMMON_KINDS: readonly EventKindDef[] = [
  {
    kind: SENSOR_KIND_NAME,
    about: "a town's weather station reading",
    one: /\b(reading|gust|downpour|shower|measurement)\b|\binstruments? (read|showed)\b/,
    metrics: WEATHER_METRICS,
    // A storm is wind of STORM_WIND_KPH or more: boats stay in, raiders stay home.
    flags: [
      {
        key: 'storm',
        phrase: `a storm blew (wind of ${STORM_WIND_KPH} km/h or more)`,
        words: /\bstorm(s|y|ed|ing)?\b|\bgales?\b|\btempests?\b/,
        news: true,
      },
    ],
    happenings: [
      { name: 'rain', phrase: 'it rained', words: /\brain(s|ed|ing|y|fall)?\b/, metric: 'rain_mm', min: 0.1 },
    ],
  },
  {
    kind: 'trade',
    about: 'goods sold and sent down a route, or bought from overseas',
    one: /\b(sale|shipment|deal|cargo)\b/,
    metrics: [
      {
        key: 'value_gold',
        label: 'gold in trade',
        unit: 'gold',
        decimals: 0,
        range: [0, 10_000],
        measure: 'output',
        words:
          /\b(trade[ds]?|trading|sold|sell|sales?|earn(ed|s)?|income|revenue|paid|brings? in|brought in)\b[^?]*?\bgold\b|\bgold\b[^?]*?\b(trade[ds]?|trading|sold|sell(s|ing)?|earn(ed|s)?|sales?|pa(y|id|ys|ying)|spen[dt]|bought)\b|\btrade (income|earnings|revenue)\b|\b(earn(ed|s|ings)?|income|revenue|made|make)\b[^?]*?\b(from|in|by) (its |their |the )?(trade|trading|sales?|selling)\b|\b(biggest|largest|best|richest|single) sale\b|\bsales?\b[^?]*?\bworth\b|\b(by|in|of|from) sales\b|\bworth of (sales|trade)\b|\bgold\b[^?]*?\bma(ke|kes|de|king) (on|from) (its |their |the )?(shipments?|cargo(es)?|exports?|wagons?|barges?)\b|\bma(ke|kes|de|king) (from |by )?selling\b/,
      },
      {
        key: 'cargo_items',
        label: 'crates shipped',
        unit: 'crates',
        decimals: 0,
        range: [0, 10],
        measure: 'output',
        words: /\bcargo\b|\bcrates?\b/,
      },
    ],
    fields: SHIPMENT_FIELDS,
    happenings: [
      {
        name: 'trade',
        phrase: 'goods were traded',
        words:
          /\btrade[ds]?\b|\btrading\b|\bsold\b|\bsell\b|\bsales?\b|\bbuy(s|ing)?\b|\bbought\b|\bship(ped|ment|ments)\b|\bship(s|ping)? (goods|cargo|crates|out|overseas)\b|\bship(s|ped|ping)? \w+ out\b/,
        metric: 'value_gold',
        min: 1,
      },
    ],
  },
  {
    kind: 'arrival',
    about: 'a shipment that reached its town',
    one: /\b(delivery|arrival|shipment|cargo)\b/,
    fields: { ...SHIPMENT_FIELDS, cargo_items: 'number', stock: 'number' },
    happenings: [
      {
        name: 'arrival',
        phrase: 'a shipment arrived',
        words:
          /\barriv(e|ed|es|al|als|ing)\b|\bdeliver(y|ies|ed|ing)\b|\breceiv(e|ed|es|ing)\b[^?]*?\b(shipments?|cargo(es)?|goods|crates)\b|\b(shipments?|cargo(es)?|goods|crates)\b[^?,]{0,20}?\b(came|come|comes|coming) in\b/,
      },
    ],
  },
  {
    kind: 'order',
    about: 'an order for goods a town is short of, sent to the town that supplies them',
    // The goods are wanted `from` the supplier `to` the town that ordered them, at `price_gold` a crate.
    fields: { goods: 'goods', quantity: 'number', from: 'town', to: 'town', price_gold: 'number' },
    happenings: [
      {
        name: 'order',
        phrase: 'a town ordered goods it was short of',
        words: /\bordered\b|\bshortages?\b/,
      },
    ],
  },
  {
    kind: 'loss',
    about: 'a shipment robbed by pirates on its way',
    one: /\b(robbery|theft)\b/,
    metrics: [
      {
        key: 'loot_gold',
        label: 'gold lost to the pirates',
        unit: 'gold',
        decimals: 0,
        range: [0, 10_000],
        measure: 'output',
        words:
          /\b(lost|lose|loses|losing|losses|stolen|stole|robbed|robber(y|ies))\b[^?]*?\bgold\b|\bgold\b[^?]*?\b(lost|lose|losing|stolen|robbed)\b|\bhow much\b[^?]*?\b(lose|lost|loses)\b[^?]*?\bto (the )?(pirates?|raiders?)\b/,
      },
    ],
    fields: { ...SHIPMENT_FIELDS, cargo_items: 'number', target: 'town', raider: 'town' },
    happenings: [
      {
        name: 'robbery',
        phrase: 'pirates robbed a shipment',
        words:
          /\brobbed\b|\brobber(y|ies)\b|\bstole\b|\bstolen\b|\blos(e|es|ing|t|s|ses)\b[^?]*?\bto (the )?(pirates?|raiders?)\b/,
        metric: 'loot_gold',
        min: 1,
      },
    ],
    news: true,
  },
];

/** The kind of an order a town sends the town that supplies a good it is running short of. */
export const ORDER_KIND = 'order';

/**
 * The kind of a raid on a shipment: the step tells the raided town (`target`) and the town the goods
 * were bound for (`to`). The towns that emit it are the world's raiders.
 */
export const RAID_KIND = 'raid';

/**
 * The field of an event that sets today against the town's past ("the best catch in 12 days"):
 * which kind of memory it tells (a record, a streak, a stock running low…). See memory.ts.
 */
export const RECALL_FIELD = 'recall';

/** The kind whose events carry the weather readings, and each town's own readings beside them. */
export const SENSOR_KIND = SENSOR_KIND_NAME;

/** Whether a town emits a common kind: those about a shipment only if it sends goods, the rest always. */
export function emitsCommon(town: AnyTownRules, kind: EventKindDef): boolean {
  return kind.fields?.shipment === undefined || town.exports.length > 0;
}
