/**
 * Charts of the history, as /api/world describes them: each chart draws one metric of each town by
 * the day (its production, the weather it reads), scaled as declared, in the town's colour.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { type ChartDescription, type ChartSeries, metric, type World } from './api.ts';
import { el, NEUTRAL_COLOUR } from './dom.ts';

interface Chart {
  plot: uPlot;
  load: () => Promise<uPlot.AlignedData>;
}

/** "ore mined (tons ×100)": what a line shows, as its legend says it. */
function measureOf(series: ChartSeries): string {
  return `${series.label} (${series.unit}${series.scale === 1 ? '' : ` ×${series.scale}`})`;
}

export class Charts {
  private readonly charts: Chart[] = [];
  private day: number | null = null;
  private readonly names: ReadonlyMap<string, string>;

  constructor(
    world: World,
    root: HTMLElement,
    /** Each town's colour, already checked (dom.ts coloursOf). */
    private readonly colours: ReadonlyMap<string, string>,
  ) {
    this.names = new Map(world.towns.map((t) => [t.id, t.name]));
    for (const chart of world.charts) {
      const series = chart.series.filter((s) => this.names.has(s.town));
      if (series.length > 0) this.add(root, chart, series);
    }
  }

  /** One line per series over the days, aligned on the days any of them has. */
  private async load(series: readonly ChartSeries[]): Promise<uPlot.AlignedData> {
    const perSeries = await Promise.all(
      series.map(async (s) =>
        (await metric(s.metric, s.aggregate, { town: s.town, kind: s.kind })).map((p) => ({
          day: p.day,
          value: p.value * s.scale,
        })),
      ),
    );
    const days = [...new Set(perSeries.flat().map((p) => p.day))].sort((a, b) => a - b);
    const columns = perSeries.map((points) => {
      const byDay = new Map(points.map((p) => [p.day, p.value]));
      return days.map((d) => byDay.get(d) ?? null);
    });
    return [days, ...columns] as uPlot.AlignedData;
  }

  private add(root: HTMLElement, chart: ChartDescription, series: readonly ChartSeries[]): void {
    const colour = (s: ChartSeries) => this.colours.get(s.town) ?? NEUTRAL_COLOUR;
    const name = (s: ChartSeries) => this.names.get(s.town) ?? s.town;
    const legend = el(
      'ul',
      { class: 'chart-legend' },
      ...series.map((s) => {
        const key = el('li', { 'data-town': s.town, 'data-metric': s.metric }, `${name(s)}: ${measureOf(s)}`);
        key.style.setProperty('--c', colour(s));
        return key;
      }),
    );
    const area = el('div', { class: 'plot' });
    root.append(
      el(
        'figure',
        { 'data-chart': chart.id, 'data-series': String(series.length) },
        el('figcaption', {}, chart.title),
        area,
        legend,
      ),
    );
    const options: uPlot.Options = {
      width: Math.max(260, area.clientWidth || 320),
      height: 150,
      legend: { show: false },
      scales: { x: { time: false } },
      axes: [{ label: 'day', size: 30 }, { size: 50 }],
      series: [
        { label: 'day' },
        ...series.map((s) => ({ label: `${name(s)}: ${measureOf(s)}`, stroke: colour(s), width: 1.5 })),
      ],
      hooks: { draw: [(u) => this.drawDay(u)] },
    };
    const plot = new uPlot(options, [[], ...series.map(() => [])] as unknown as uPlot.AlignedData, area);
    new ResizeObserver(() => plot.setSize({ width: Math.max(260, area.clientWidth), height: 150 })).observe(
      area,
    );
    this.charts.push({ plot, load: () => this.load(series) });
  }

  /** The day the time control shows, marked on every chart. */
  private drawDay(u: uPlot): void {
    if (this.day === null) return;
    const x = u.valToPos(this.day, 'x', true);
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = 'rgba(231, 76, 60, 0.8)';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.restore();
  }

  async refresh(): Promise<void> {
    await Promise.all(this.charts.map(async (c) => c.plot.setData(await c.load())));
  }

  follow(day: number | null): void {
    this.day = day;
    for (const c of this.charts) c.plot.redraw(false);
  }
}
