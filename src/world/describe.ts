/**
 * The world as the API describes it to the viewer and other clients: each town's colour, place,
 * routes and every number its events carry, and the charts that draw them. Derived from the towns'
 * declarations alone (and the kinds every town emits), once per world: a world builder's towns are
 * described like the built-in ones.
 */
import type {
  ChartDescription,
  ChartGroup,
  ChartSeries,
  MetricDescription,
  TownDescription,
} from '../events/contracts.ts';
import { COMMON_KINDS, emitsCommon, SENSOR_KIND } from './kinds.ts';
import { capitalise } from './text.ts';
import type { AnyTownRules, EventKindDef, MetricDef } from './town.ts';
import type { World } from './world.ts';

export interface WorldDescription {
  towns: TownDescription[];
  charts: ChartDescription[];
  /** Every metric key any town reports, in the order first described. */
  metricKeys: string[];
}

function metric(def: MetricDef, kind: string): MetricDescription {
  return {
    key: def.key,
    label: def.label,
    unit: def.unit,
    decimals: def.decimals,
    range: [def.range[0], def.range[1]],
    measure: def.measure,
    kind,
    ...(def.chart ? { chart: { group: def.chart.group, scale: def.chart.scale ?? 1 } } : {}),
    main: def.main === true,
  };
}

interface Reported {
  def: MetricDef;
  kind: string;
}

const ofKinds = (kinds: readonly EventKindDef[]): Reported[] =>
  kinds.flatMap((k) => (k.metrics ?? []).map((def) => ({ def, kind: k.kind })));

/** What the town's events carry: its own kinds' numbers, its sensors' readings, then the common ones it emits. */
function reportedBy(town: AnyTownRules): Reported[] {
  const all = [
    ...ofKinds(town.kinds),
    ...(town.readings ?? []).map((def) => ({ def, kind: SENSOR_KIND })),
    ...ofKinds(COMMON_KINDS.filter((k) => emitsCommon(town, k))),
  ];
  // A key is one number of the town's history: its first declaration is the one described.
  const seen = new Set<string>();
  return all.filter(({ def }) => !seen.has(def.key) && seen.add(def.key));
}

function describeTown(town: AnyTownRules, reported: readonly Reported[]): TownDescription {
  return {
    id: town.id,
    name: town.name,
    description: town.description,
    colour: town.colour,
    position: [town.position[0], town.position[1]],
    routes: (town.routes ?? []).flatMap((r) => (r.cargo ? [{ to: r.to, ...r.cargo }] : [])),
    metrics: reported.map(({ def, kind }) => metric(def, kind)),
  };
}

/** How a chart tells a day of it: outputs add up, readings are averaged, unless it says otherwise (rain adds up). */
function aggregateOf(def: MetricDef): 'sum' | 'mean' {
  if (def.natural === 'sum' || def.natural === 'mean') return def.natural;
  return def.measure === 'output' ? 'sum' : 'mean';
}

function titleOf(group: string, series: readonly ChartSeries[]): string {
  const first = series[0];
  const alike = first && series.every((s) => s.label === first.label && s.unit === first.unit);
  if (!first || !alike || group === 'production') return `${capitalise(group)} per day`;
  return `${capitalise(first.label)} (${first.unit}, daily ${first.aggregate === 'sum' ? 'total' : 'mean'})`;
}

/**
 * The charts: each chart group the towns declare draws one metric of each town. Where a town puts
 * several metrics in one group, its second goes on the group's second chart, and so on.
 */
function chartsOf(towns: readonly { id: string; reported: readonly Reported[] }[]): ChartDescription[] {
  const groups = new Map<ChartGroup, ChartSeries[][]>();
  for (const town of towns) {
    const used = new Map<ChartGroup, number>();
    for (const { def, kind } of town.reported) {
      if (!def.chart) continue;
      const { group, scale = 1 } = def.chart;
      const slot = used.get(group) ?? 0;
      used.set(group, slot + 1);
      const charts = groups.get(group) ?? [];
      groups.set(group, charts);
      const series = charts[slot] ?? [];
      charts[slot] = series;
      series.push({
        town: town.id,
        metric: def.key,
        kind,
        label: def.label,
        unit: def.unit,
        scale,
        aggregate: aggregateOf(def),
      });
    }
  }
  return [...groups].flatMap(([group, charts]) =>
    charts.map((series, i) => ({
      id: i === 0 ? group : `${group}-${i + 1}`,
      group,
      title: titleOf(group, series),
      series,
    })),
  );
}

const described = new WeakMap<World, WorldDescription>();

/** The world's description, worked out once per world. */
export function describeWorld(world: World): WorldDescription {
  const known = described.get(world);
  if (known) return known;
  const reported = world.towns.map((town) => ({ id: town.id, reported: reportedBy(town) }));
  const towns = world.towns.map((town, i) => describeTown(town, reported[i]?.reported ?? []));
  const metricKeys = [...new Set(towns.flatMap((t) => t.metrics.map((m) => m.key)))];
  const description = { towns, charts: chartsOf(reported), metricKeys };
  described.set(world, description);
  return description;
}
