/**
 * What a query may name, derived from the world definition: its towns, its kinds of events, the
 * numbers they carry (metrics, numeric fields, flags), their other fields, and which kinds and
 * towns carry each. Pure; built once per world.
 */
import { COMMON_KINDS, emitsCommon, SENSOR_KIND } from '../world/kinds.ts';
import type { Aggregate, FieldType, MetricDef } from '../world/town.ts';
import type { World } from '../world/world.ts';

/** A number a query can add up, average or compare. */
export interface NumberDef {
  key: string;
  /** The declared metric, when it is one (fields and flags have none). */
  metric?: MetricDef;
  /** The kinds that declare it as a metric, or else as a field or a flag. */
  kinds: readonly string[];
  /** The towns whose events can carry it. */
  towns: readonly string[];
  /** What "how much" means: the sum of an output, the mean of a reading. */
  natural: Aggregate;
  decimals: number;
  flag: boolean;
}

/** A field of the events' data that is not a number: goods, from, to, target, shipment… */
export interface FieldDef {
  key: string;
  type: FieldType;
  kinds: readonly string[];
}

export class Catalog {
  readonly towns: readonly string[];
  readonly kinds: readonly string[];
  readonly numbers: ReadonlyMap<string, NumberDef>;
  readonly fields: ReadonlyMap<string, FieldDef>;
  /** Which towns emit each kind. */
  readonly kindTowns: ReadonlyMap<string, readonly string[]>;

  constructor(readonly world: World) {
    this.towns = world.ids;
    const kindTowns = new Map<string, string[]>();
    const emit = (kind: string, town: string) => {
      const list = kindTowns.get(kind) ?? [];
      if (!list.includes(town)) list.push(town);
      kindTowns.set(kind, list);
    };
    for (const town of world.towns) {
      for (const kind of COMMON_KINDS) if (emitsCommon(town, kind)) emit(kind.kind, town.id);
      for (const kind of town.kinds) emit(kind.kind, town.id);
    }
    this.kindTowns = kindTowns;
    this.kinds = [...kindTowns.keys()];

    const numbers = new Map<string, NumberDef & { kinds: string[]; towns: string[] }>();
    const fields = new Map<string, FieldDef & { kinds: string[] }>();
    const addNumber = (
      key: string,
      kind: string,
      towns: readonly string[],
      metric?: MetricDef,
      flag = false,
    ) => {
      const existing = numbers.get(key);
      if (existing) {
        // A kind that declares it as a metric outranks kinds that carry it as a field.
        if (metric && !existing.metric) {
          numbers.set(key, { ...existing, metric, kinds: [kind], towns: [...towns], ...natural(metric) });
          return;
        }
        if (Boolean(metric) === Boolean(existing.metric) && !existing.kinds.includes(kind))
          existing.kinds.push(kind);
        for (const t of towns) if (!existing.towns.includes(t)) existing.towns.push(t);
        return;
      }
      numbers.set(key, {
        key,
        kinds: [kind],
        towns: [...towns],
        flag,
        ...(metric ? { metric, ...natural(metric) } : { natural: 'sum', decimals: flag ? 0 : 4 }),
      });
    };
    for (const kind of world.kinds) {
      const towns = kindTowns.get(kind.kind) ?? [];
      for (const m of kind.metrics ?? []) addNumber(m.key, kind.kind, towns, m);
      for (const f of kind.flags ?? []) addNumber(f.key, kind.kind, towns, undefined, true);
      for (const [key, type] of Object.entries(kind.fields ?? {})) {
        if (type === 'number') addNumber(key, kind.kind, towns);
        else {
          const field = fields.get(key) ?? { key, type, kinds: [] };
          if (!field.kinds.includes(kind.kind)) field.kinds.push(kind.kind);
          fields.set(key, field);
        }
      }
    }
    // A town's own sensor readings (a river's level, the tide) are sensor events' metrics.
    for (const town of world.towns) {
      for (const m of town.readings ?? []) addNumber(m.key, SENSOR_KIND, [town.id], m);
      for (const kind of town.kinds)
        for (const f of kind.flags ?? []) addNumber(f.key, kind.kind, [town.id], undefined, true);
    }
    this.numbers = numbers;
    this.fields = fields;
  }

  number(key: string): NumberDef | undefined {
    return this.numbers.get(key);
  }
}

function natural(metric: MetricDef): { natural: Aggregate; decimals: number } {
  return {
    natural: metric.natural ?? (metric.measure === 'reading' ? 'mean' : 'sum'),
    decimals: metric.decimals,
  };
}

const catalogs = new WeakMap<World, Catalog>();

/** The world's catalogue, built once. */
export function catalogOf(world: World): Catalog {
  let catalog = catalogs.get(world);
  if (!catalog) {
    catalog = new Catalog(world);
    catalogs.set(world, catalog);
  }
  return catalog;
}
