/** GET /api/reports/:day: a day's world report, as JSON (the default) or Markdown. */
import type { App, AppOptions } from '../app.ts';

interface ReportQuery {
  format?: 'json' | 'markdown';
}

export function reportRoutes(app: App, { reports }: AppOptions): void {
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
