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
