/** The aggregator's API, as the viewer uses it. Every text from it is untrusted: render with textContent. */
import type {
  ChartDescription,
  ChartSeries,
  MetricDescription,
  ResidentPage,
  StoredEvent,
  Whereabouts,
  WorldResponse,
  WorldTown,
} from '../../src/events/contracts.ts';
import { askForToken, ReadRefused, readToken } from './auth.ts';

export type { ChartDescription, ChartSeries, MetricDescription, ResidentPage, StoredEvent, Whereabouts };
/** The world as /api/world describes it: the viewer draws its towns, legends and charts from this alone. */
export type World = WorldResponse;
export type Town = WorldTown;

export interface MetricPoint {
  town: string;
  day: number;
  value: number;
}

/** Every request of the viewer: with the read token when the tab has one, and a 401 asks for it. */
async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const headers = new Headers(init?.headers);
  const token = readToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    const message = body.error ?? `HTTP ${response.status}`;
    if (response.status === 401) {
      askForToken(message);
      throw new ReadRefused(message);
    }
    throw Object.assign(new Error(message), { status: response.status });
  }
  return (await response.json()) as T;
}

/** The live stream's address: EventSource sends no headers, so the token goes in the query. */
export function streamUrl(): string {
  const token = readToken();
  return token ? `/api/stream?token=${encodeURIComponent(token)}` : '/api/stream';
}

export const getWorld = () => json<World>('/api/world');

/** Every event of a day range, page by page. */
export async function eventsOf(fromDay: number, toDay: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ from_day: String(fromDay), to_day: String(toDay), limit: '1000' });
    if (cursor) query.set('cursor', cursor);
    const page: { events: StoredEvent[]; next: string | null } = await json(`/api/events?${query}`);
    events.push(...page.events);
    cursor = page.next;
  } while (cursor);
  return events;
}

export async function metric(
  name: string,
  aggregate: 'mean' | 'sum',
  where: { town?: string; kind?: string } = {},
): Promise<MetricPoint[]> {
  const query = new URLSearchParams({ metric: name, aggregate, bucket: 'day' });
  if (where.town) query.set('town', where.town);
  if (where.kind) query.set('kind', where.kind);
  return (await json<{ points: MetricPoint[] }>(`/api/metrics?${query}`)).points;
}

export interface DaySummary {
  day: number;
  towns: Record<string, { events: number; totals: Record<string, number>; highlights: StoredEvent[] }>;
}

export const daySummary = (day: number) => json<DaySummary>(`/api/days/${day}`);

/** Search by meaning where the server offers it (404: too old; 503: turned off), else by words in the history. */
export async function search(q: string): Promise<StoredEvent[]> {
  try {
    return (
      await json<{ results: StoredEvent[] }>(
        `/api/search?${new URLSearchParams({ q, k: '20', mode: 'hybrid' })}`,
      )
    ).results;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status !== 404 && status !== 503) throw error;
    const words = (
      await json<{ events: StoredEvent[] }>(`/api/events?${new URLSearchParams({ q, limit: '1000' })}`)
    ).events;
    return words.slice(-20).reverse();
  }
}

export interface AskAnswer {
  answer: string;
  citations: number[];
  /** The first cited events, whole. */
  events: StoredEvent[];
  answered_by: 'planner' | 'model';
  warning?: string;
}

export async function ask(question: string): Promise<AskAnswer> {
  return json('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
}

/** Who is where now; an aggregator without residents answers 404, and then nobody is shown. */
export async function residents(): Promise<{ residents: Whereabouts[]; locations: Record<string, string> }> {
  try {
    return await json('/api/residents');
  } catch {
    return { residents: [], locations: {} };
  }
}

/** One resident's page: who they are, where, their day, those they know, what they remember and said. */
export const residentPage = (name: string) =>
  json<ResidentPage>(`/api/residents/${encodeURIComponent(name)}`);
