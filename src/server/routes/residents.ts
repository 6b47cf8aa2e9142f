/**
 * The residents over HTTP: GET /api/residents (who is where now, from their latest moves in the
 * stream) and GET /api/reports/:day (a day's world report, as JSON or Markdown).
 */
import type { StoredEvent } from '../../events/contracts.ts';
import { DEFAULT_CONFIG } from '../../world/residents/catalog.ts';
import type { App, AppOptions } from '../app.ts';

export interface Whereabouts {
  name: string;
  job: string;
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

function whereabouts(
  name: string,
  job: string,
  home: { town: string; location: string },
  e: StoredEvent | undefined,
) {
  if (!e)
    return {
      name,
      job,
      home: home.town,
      town: home.town,
      location: home.location,
      travelling: null,
      since: null,
    };
  const since = { id: e.id, day: e.day, hour: e.hour };
  if (e.kind === 'travel' && e.data.stage === 'set off') {
    const travelling = { from: String(e.data.from), to: String(e.data.to), by: String(e.data.by) };
    return { name, job, home: home.town, town: null, location: null, travelling, since };
  }
  const location = typeof e.data.location === 'string' ? e.data.location : String(e.data.to ?? '');
  return { name, job, home: home.town, town: e.town, location, travelling: null, since };
}

interface ReportQuery {
  format?: 'json' | 'markdown';
}

export function residentRoutes(app: App, { reports, store }: AppOptions): void {
  app.get('/api/residents', async () => {
    const config = reports?.config() ?? DEFAULT_CONFIG;
    const names = new Map(config.locations.map((l) => [l.id, l.name]));
    const latest = new Map((await store.latestByActor(['move', 'travel'])).map((e) => [e.actor, e]));
    const residents: Whereabouts[] = config.residents.map((r) => {
      const w = whereabouts(r.name, r.job, { town: r.town, location: r.home }, latest.get(r.name));
      return {
        ...w,
        home_location: r.home,
        location_name: w.location ? (names.get(w.location) ?? null) : null,
      };
    });
    return { residents, locations: Object.fromEntries(names) };
  });

  app.get<{ Params: { day: number }; Querystring: ReportQuery }>(
    '/api/reports/:day',
    {
      schema: {
        params: {
          type: 'object',
          properties: { day: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
          required: ['day'],
        },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { format: { type: 'string', enum: ['json', 'markdown'] } },
        },
      },
    },
    async (request, reply) => {
      const { day } = request.params;
      const report = reports?.report(day);
      if (!report) {
        const days = reports?.reportDays() ?? [];
        return reply.status(404).send({
          error: `no report for day ${day}: ${days.length > 0 ? `reports exist for days ${days[0]}–${days.at(-1)}` : 'no reports yet (chronicle world run writes them)'}`,
        });
      }
      const markdown =
        request.query.format === 'markdown' ||
        (request.query.format === undefined && /text\/markdown/.test(request.headers.accept ?? ''));
      if (markdown) return reply.type('text/markdown; charset=utf-8').send(report.markdown);
      return report.json;
    },
  );
}
