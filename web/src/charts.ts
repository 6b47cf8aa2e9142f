/** Charts of the history: weather per town over the days, and each town's production per day. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { metric, type Town } from './api.ts';
import { TOWN_COLOURS } from './dom.ts';

/** Each town's main job, and a factor that brings the numbers onto one chart. */
const PRODUCTION: Record<string, { metric: string; scale: number }> = {
  'port-logic': { metric: 'fish', scale: 1 },
  patchbourough: { metric: 'harvest', scale: 1 },
  circuiton: { metric: 'ore_tons', scale: 100 },
  'den-of-thieves': { metric: 'drinks', scale: 1 },
};

interface Chart {
  plot: uPlot;
  load: () => Promise<uPlot.AlignedData>;
}

export class Charts {
  private readonly charts: Chart[] = [];
  private day: number | null = null;

  constructor(
    private readonly towns: Town[],
    roots: { temperature: HTMLElement; pressure: HTMLElement; production: HTMLElement },
  ) {
    this.add(roots.temperature, () => this.series((t) => metric('temperature_c', 'mean', t)));
    this.add(roots.pressure, () => this.series((t) => metric('pressure_hpa', 'mean', t)));
    this.add(roots.production, () =>
      this.series(async (t) => {
        const job = PRODUCTION[t];
        if (!job) return [];
        return (await metric(job.metric, 'sum', t)).map((p) => ({ ...p, value: p.value * job.scale }));
      }),
    );
  }

  /** One line per town over the days, aligned on the days any town has. */
  private async series(
    load: (town: string) => Promise<{ day: number; value: number }[]>,
  ): Promise<uPlot.AlignedData> {
    const perTown = await Promise.all(this.towns.map((t) => load(t.id)));
    const days = [...new Set(perTown.flat().map((p) => p.day))].sort((a, b) => a - b);
    const columns = perTown.map((points) => {
      const byDay = new Map(points.map((p) => [p.day, p.value]));
      return days.map((d) => byDay.get(d) ?? null);
    });
    return [days, ...columns] as uPlot.AlignedData;
  }

  private add(root: HTMLElement, load: () => Promise<uPlot.AlignedData>): void {
    const options: uPlot.Options = {
      width: Math.max(260, root.clientWidth || 320),
      height: 150,
      legend: { show: false },
      scales: { x: { time: false } },
      axes: [{ label: 'day', size: 30 }, { size: 50 }],
      series: [
        { label: 'day' },
        ...this.towns.map((t) => ({ label: t.name, stroke: TOWN_COLOURS[t.id] ?? '#888', width: 1.5 })),
      ],
      hooks: { draw: [(u) => this.drawDay(u)] },
    };
    const plot = new uPlot(options, [[], ...this.towns.map(() => [])] as unknown as uPlot.AlignedData, root);
    new ResizeObserver(() => plot.setSize({ width: Math.max(260, root.clientWidth), height: 150 })).observe(
      root,
    );
    this.charts.push({ plot, load });
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
