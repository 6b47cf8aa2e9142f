/** The shapes the HTTP API gives other programs (DESIGN.md), shared by the server and its clients. */
import type { EventData } from '../world/types.ts';

/** An event as the API returns it: history, stream, search, citations. `id` is the global sequence number. */
export interface StoredEvent {
  id: number;
  update_id: string;
  town: string;
  /** The number of the town's update that told it; null for updates sent without one (the plain shape). */
  town_seq: number | null;
  day: number;
  hour: number;
  ts: string;
  kind: string;
  actor: string | null;
  text: string;
  data: EventData;
}

/** GET /api/clock: what a town needs to follow the world: its identity, its seed and its clock. */
export interface ClockResponse {
  id: string;
  seed: string;
  t: number;
  day: number;
  hour: number;
  speed: number;
  seconds_per_day: number;
  last_event_id: number;
}

/** GET /api/residents: where one resident is now. */
export interface Whereabouts {
  name: string;
  job: string;
  /** Their home town and home. */
  home: string;
  home_location: string;
  /** The town they are in, or null on the road. */
  town: string | null;
  location: string | null;
  location_name: string | null;
  travelling: { from: string; to: string; by: string } | null;
  /** The event that put them there (none: home since the world began). */
  since: { id: number; day: number; hour: number } | null;
}

/** A place on a resident's page: its id and its name (null when the catalogue has none). */
export interface ResidentPlace {
  id: string;
  name: string | null;
}

/** A conversation on a resident's page: when and where, who, what about, and how it went. */
export interface ResidentTalk {
  id: string;
  kind: 'chat' | 'meeting';
  day: number;
  hour: number;
  town: string;
  location: ResidentPlace;
  participants: readonly string[];
  topic: string;
  summary: string;
  /** The lines of the exchange (empty when the run kept summaries only). */
  transcript: readonly string[];
  /** The change it made to each pair's relationship score. */
  delta: number;
}

/** Someone a resident knows: how they stand, and the latest talks between the two. */
export interface ResidentTie {
  name: string;
  score: number;
  talks: ResidentTalk[];
}

/** A memory or reflection on a resident's page. */
export interface ResidentMemory {
  day: number;
  hour: number;
  kind: string;
  text: string;
  importance: number;
}

/** GET /api/residents/:id: one resident's page. */
export interface ResidentPage {
  name: string;
  job: string;
  roles: readonly string[];
  persona: string;
  interests: Readonly<Record<string, number>>;
  family: Readonly<Record<string, string>>;
  /** Their home town, home and workplace. */
  town: string;
  home: ResidentPlace;
  workplace: ResidentPlace;
  /** Where they are now, as GET /api/residents has it. */
  now: Whereabouts;
  /** Where they are going: the road's end, or the next place on today's agenda (null: staying). */
  going: {
    town: string;
    location: ResidentPlace | null;
    hour: number | null;
    activity: string | null;
  } | null;
  /** The agenda of the latest day stored up to today, as planned at dawn. */
  agenda: {
    day: number;
    today: boolean;
    slots: {
      tick: number;
      hour: number | null;
      activity: string;
      location: ResidentPlace;
      partner: string | null;
    }[];
  } | null;
  /** The warmest and the coldest of those they know, with the talks that moved them. */
  relationships: { strongest: ResidentTie[]; strained: ResidentTie[] };
  /** The latest memories (not reflections), newest first. */
  memories: ResidentMemory[];
  /** The latest reflections, newest first. */
  reflections: ResidentMemory[];
  /** Their latest conversations, newest first. */
  conversations: ResidentTalk[];
}

/** A chart of the viewer: production per day, or the weather the towns read. */
export type ChartGroup = 'production' | 'weather';

/** A number a town's events carry, as its declaration says it. */
export interface MetricDescription {
  /** Its key in the events' `data`, and the `metric` of GET /api/metrics. */
  key: string;
  label: string;
  unit: string;
  decimals: number;
  /** The least and most one event can carry. */
  range: [min: number, max: number];
  /** 'output' adds up over a day (ore mined); 'reading' is averaged (temperature). */
  measure: 'output' | 'reading';
  /** The kind of event that carries it. */
  kind: string;
  /** The chart it is drawn on, and the factor that brings it to that chart's scale. */
  chart?: { group: ChartGroup; scale: number };
  /** The town's main product. */
  main: boolean;
}

/** A town as it is declared: what the API says of it beside its news. */
export interface TownDescription {
  id: string;
  name: string;
  description: string;
  /** Its colour on the map and in the charts, as declared (#rrggbb); clients check it before use. */
  colour: string;
  /** Position on the drawn map, in map units (x east, y north). */
  position: [x: number, y: number];
  /** The cargo routes it declares (each leg once, by one of its towns), in world days. */
  routes: { to: string; days: number; by: string }[];
  /** Every number its events carry: its own kinds', its sensors', and the common ones it emits. */
  metrics: MetricDescription[];
}

/** One line of a chart: a metric of one town, by the day. */
export interface ChartSeries {
  town: string;
  metric: string;
  kind: string;
  label: string;
  unit: string;
  /** The factor each day's value is multiplied by on this chart. */
  scale: number;
  /** How a day is told: the day's total, or its mean. */
  aggregate: 'sum' | 'mean';
}

export interface ChartDescription {
  /** `production`, `weather`; a group's further charts are `production-2` and so on. */
  id: string;
  group: ChartGroup;
  title: string;
  series: ChartSeries[];
}

/** What GET /api/world says of a town: its declaration, and what the history holds of it. */
export interface WorldTown extends TownDescription {
  updates: number;
  events: number;
  last_seq: number;
  last_ts: string | null;
  last_day: number | null;
  last_hour: number | null;
  /** Its latest event that is news (not a sensor reading), or null before any. */
  headline: StoredEvent | null;
  /** Sequence numbers missing from its updates, as ranges. */
  gaps: [from: number, to: number][];
}

/** GET /api/world: the world's identity and clock, its towns, and the charts that draw them. */
export interface WorldResponse {
  id: string;
  seed: string;
  seconds_per_day: number;
  speed: number;
  t: number;
  day: number;
  hour: number;
  events_total: number;
  updates_total: number;
  last_event_id: number;
  map: { width: number; height: number };
  towns: WorldTown[];
  charts: ChartDescription[];
  /** The towns with gaps in their sequences, and the gaps. */
  sequence_gaps: Record<string, [from: number, to: number][]>;
}
