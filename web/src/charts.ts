/**
 * Charts of the history, as /api/world describes them: each chart draws one metric of each town by
 * the day (its production, the weather it reads), scaled as declared, in the town's colour.
 *
 * They show a window of days that follows the time control (the present when live), all charts the
 * same days: drag to zoom in, the wheel to zoom about the pointer, Shift+wheel to pan, a double
 * click back to the window; "Whole history" shows every day.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { type ChartDescription, type ChartSeries, metric, type World } from './api.ts';
import { el, NEUTRAL_COLOUR } from './dom.ts';

interface Chart {
  plot: uPlot;
  figure: HTMLElement;
  load: () => Promise<uPlot.AlignedData>;
}

/** The days a chart shows around the day the time control is on. */
export const WINDOW_DAYS = 60;
/** The fewest days zooming in shows. */
const MIN_SPAN = 3;

/** The window around `day`, kept within the days the history holds where it can be. */
export function windowAround(
  day: number,
  first: number,
  last: number,
  width = WINDOW_DAYS,
): [number, number] {
  const lo = Math.min(first, day);
  const hi = Math.max(last, day);
  if (hi - lo <= width) return [lo, Math.max(hi, lo + 1)];
  let min = day - width / 2;
  let max = day + width / 2;
  if (max > hi) [min, max] = [hi - width, hi];
  if (min < lo) [min, max] = [lo, lo + width];
  return [min, max];
}

/** "ore mined (tons ×100)": what a line shows, as its legend says it. */
function measureOf(series: ChartSeries): string {
  return `${series.label} (${series.unit}${series.scale === 1 ? '' : ` ×${series.scale}`})`;
}

export class Charts {
  private readonly charts: Chart[] = [];
  private day: number | null = null;
  private readonly names: ReadonlyMap<string, string>;
  /** The days the history holds, as the charts' data has them. */
  private first = 1;
  private last = 1;
  /** The days every chart shows; null until the data is in. */
  private view: [number, number] | null = null;
  private whole = false;
  /** While the charts are set to the view, their scale changes are not the user's. */
  private applying = false;
  /** Whether the view is one the user zoomed or panned to, kept until the time control moves. */
  private zoomed = false;
  private readonly wholeButton: HTMLButtonElement;

  constructor(
    world: World,
    root: HTMLElement,
    /** Each town's colour, already checked (dom.ts coloursOf). */
    private readonly colours: ReadonlyMap<string, string>,
  ) {
    this.names = new Map(world.towns.map((t) => [t.id, t.name]));
    this.wholeButton = el(
      'button',
      { type: 'button', id: 'charts-whole', 'aria-pressed': 'false' },
      'Whole history',
    );
    this.wholeButton.addEventListener('click', () => this.showWhole(!this.whole));
    root.append(
      el(
        'p',
        { class: 'charts-help' },
        this.wholeButton,
        ' Drag to zoom, wheel to zoom, Shift+wheel to pan, double-click for the days around the time shown.',
      ),
    );
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
    const figure = el(
      'figure',
      { 'data-chart': chart.id, 'data-series': String(series.length) },
      el('figcaption', {}, chart.title),
      area,
      legend,
    );
    root.append(figure);
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
      cursor: {
        drag: { x: true, y: false },
        // A double click goes back to the days around the time shown, not to every day.
        bind: {
          dblclick: () => () => {
            this.showWhole(false);
            return null;
          },
        },
      },
      plugins: [this.wheel()],
      hooks: {
        draw: [(u) => this.drawDay(u)],
        setScale: [(u, key) => key === 'x' && this.scaled(u)],
      },
    };
    const plot = new uPlot(options, [[], ...series.map(() => [])] as unknown as uPlot.AlignedData, area);
    new ResizeObserver(() => plot.setSize({ width: Math.max(260, area.clientWidth), height: 150 })).observe(
      area,
    );
    this.charts.push({ plot, figure, load: () => this.load(series) });
  }

  /** The wheel zooms about the pointer; with Shift (or sideways) it pans. */
  private wheel(): uPlot.Plugin {
    const onWheel = (u: uPlot, e: WheelEvent) => {
      const { min, max } = u.scales.x ?? {};
      if (typeof min !== 'number' || typeof max !== 'number') return;
      e.preventDefault();
      const span = max - min;
      const sideways = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
      if (sideways) {
        const by = span * 0.15 * Math.sign(e.deltaX || e.deltaY);
        this.setView([min + by, max + by], true);
        return;
      }
      const at = u.posToVal(e.clientX - u.over.getBoundingClientRect().left, 'x');
      const factor = e.deltaY < 0 ? 0.8 : 1.25;
      const next = Math.max(MIN_SPAN, Math.min(span * factor, (this.last - this.first) * 1.5 + MIN_SPAN));
      const left = (at - min) / span;
      this.setView([at - next * left, at + next * (1 - left)], true);
    };
    return {
      hooks: {
        ready: (u) => u.over.addEventListener('wheel', (e) => onWheel(u, e), { passive: false }),
      },
    };
  }

  /** A chart's days changed: by a drag, by the user, so every chart shows them. */
  private scaled(u: uPlot): void {
    const { min, max } = u.scales.x ?? {};
    const figure = this.charts.find((c) => c.plot === u)?.figure;
    if (figure && typeof min === 'number' && typeof max === 'number') {
      figure.dataset.xMin = String(min);
      figure.dataset.xMax = String(max);
    }
    if (this.applying || typeof min !== 'number' || typeof max !== 'number') return;
    // uPlot tells of a scale set a moment later: the view set here is not the user's.
    const view = this.view;
    if (view && Math.abs(view[0] - min) < 1e-9 && Math.abs(view[1] - max) < 1e-9) return;
    this.setView([min, max], true);
  }

  private setView(view: [number, number], byUser = false): void {
    this.view = view;
    this.zoomed = byUser;
    this.applying = true;
    try {
      for (const c of this.charts) c.plot.setScale('x', { min: view[0], max: view[1] });
    } finally {
      this.applying = false;
    }
  }

  /** The days to show: every day, or the window around the day shown (the present when live). */
  private fit(): void {
    if (this.whole) this.setView([this.first, Math.max(this.last, this.first + 1)]);
    else this.setView(windowAround(this.day ?? this.last, this.first, this.last));
  }

  private showWhole(on: boolean): void {
    this.whole = on;
    this.wholeButton.setAttribute('aria-pressed', String(on));
    this.wholeButton.classList.toggle('on', on);
    this.fit();
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
    const data = await Promise.all(this.charts.map((c) => c.load()));
    const days = data.flatMap((d) => (d[0].length ? [d[0][0] as number, d[0].at(-1) as number] : []));
    if (days.length > 0) {
      this.first = Math.min(...days);
      this.last = Math.max(...days);
    }
    this.applying = true;
    try {
      for (const [i, c] of this.charts.entries()) c.plot.setData(data[i] as uPlot.AlignedData, false);
    } finally {
      this.applying = false;
    }
    // Zoomed by hand, the view stays; else the window moves on with the history.
    if (this.view && this.zoomed) this.setView(this.view, true);
    else this.fit();
  }

  /** The time control is on this day (null: live): the window follows it, and it is marked. */
  follow(day: number | null): void {
    this.day = day;
    if (!this.whole) this.fit();
    for (const c of this.charts) c.plot.redraw(false);
  }
}
