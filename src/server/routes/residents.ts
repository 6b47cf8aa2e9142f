/**
 * The residents over HTTP: GET /api/residents (who is where now, from their latest moves in the
 * stream), GET /api/residents/:id (one resident's page) and GET /api/reports/:day (a day's world
 * report, as JSON or Markdown).
 */
import type { ResidentPage, StoredEvent, Whereabouts } from '../../events/contracts.ts';
import { residentPage } from '../../residents/page.ts';
import { residentsConfigOf } from '../../world/residents/catalog.ts';
import type { ResidentDef, ResidentsConfig } from '../../world/residents/types.ts';
import type { App, AppOptions } from '../app.ts';
import { DAY } from './params.ts';

function whereabouts(r: ResidentDef, e: StoredEvent | undefined, names: Map<string, string>): Whereabouts {
  const at = (town: string | null, location: string | null) => ({
    name: r.name,
    job: r.job,
    home: r.town,
    home_location: r.home,
    town,
    location,
    location_name: location ? (names.get(location) ?? null) : null,
  });
  if (!e) return { ...at(r.town, r.home), travelling: null, since: null };
  const since = { id: e.id, day: e.day, hour: e.hour };
  if (e.kind === 'travel' && e.data.stage === 'set off') {
    const travelling = { from: String(e.data.from), to: String(e.data.to), by: String(e.data.by) };
    return { ...at(null, null), travelling, since };
  }
  const location = typeof e.data.location === 'string' ? e.data.location : String(e.data.to ?? '');
  return { ...at(e.town, location), travelling: null, since };
}

interface ReportQuery {
  format?: 'json' | 'markdown';
}

interface Catalogue {
  config: ResidentsConfig;
  /** Location names by id, as a map and as the response shows them. */
  names: Map<string, string>;
  locations: Record<string, string>;
}

export function residentRoutes(app: App, { reports, store, world, clock }: AppOptions): void {
  // The aggregator holds the data directory, so the catalogue cannot change while it runs: it is
  // read once, when first asked for (a failed read is tried again).
  let catalogue: Promise<Catalogue> | undefined;
  const loadCatalogue = (): Promise<Catalogue> => {
    catalogue ??= (async () => {
      const config = (await reports?.config()) ?? residentsConfigOf(world);
      const names = new Map(config.locations.map((l) => [l.id, l.name]));
      return { config, names, locations: Object.fromEntries(names) };
    })().catch((error: unknown) => {
      catalogue = undefined;
      throw error;
    });
    return catalogue;
  };
  app.get('/api/residents', async () => {
    const { config, names, locations } = await loadCatalogue();
    const latest = new Map((await store.latestByActor(['move', 'travel'])).map((e) => [e.actor, e]));
    return { residents: config.residents.map((r) => whereabouts(r, latest.get(r.name), names)), locations };
  });

  // A resident is named by their name, as every event and GET /api/residents name them.
  app.get<{ Params: { id: string } }>(
    '/api/residents/:id',
    {
      schema: {
        params: {
          type: 'object',
          properties: { id: { type: 'string', minLength: 1, maxLength: 80 } },
          required: ['id'],
        },
      },
    },
    async (request, reply): Promise<ResidentPage | undefined> => {
      const { id } = request.params;
      const { config, names } = await loadCatalogue();
      const resident = config.residents.find((r) => r.name === id);
      if (!resident)
        return reply.status(404).send({
          error: `no resident "${id}": GET /api/residents lists the ${config.residents.length} there are`,
        });
      const latest = (await store.latestByActor(['move', 'travel'])).find((e) => e.actor === id);
      const now = whereabouts(resident, latest, names);
      return residentPage({ config, resident, now, t: clock.now(), store: reports });
    },
  );

  app.get<{ Params: { day: number }; Querystring: ReportQuery }>(
    '/api/reports/:day',
    {
      schema: {
        params: {
          type: 'object',
          properties: { day: DAY },
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
      const report = await reports?.report(day);
      if (!report) {
        const days = (await reports?.reportDays()) ?? [];
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
