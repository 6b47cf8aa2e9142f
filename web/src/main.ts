/** The viewer: the map, the feed, the time control, the charts, search and the ask box. */
import { formatHour, worldTimeOf } from '../../src/world/clock.ts';
import {
  ask,
  daySummary,
  eventsOf,
  getWorld,
  residents,
  type StoredEvent,
  search,
  streamUrl,
  type Town,
} from './api.ts';
import { takeTokenFromAddress, untilTokenGiven } from './auth.ts';
import { Charts } from './charts.ts';
import { byId, coloursOf, el, NEUTRAL_COLOUR } from './dom.ts';
import { Feed } from './feed.ts';
import { WorldMap } from './map.ts';
import { PersonView, personButton } from './person.ts';
import { ResidentsPanel } from './residents.ts';
import './styles.css';

// Before anything is asked of the aggregator, and before the address can be copied.
takeTokenFromAddress();
const world = await getWorld().catch(untilTokenGiven);
const names = Object.fromEntries(world.towns.map((t) => [t.id, t.name]));
// Each town's colour as it declares it, checked once: only #rrggbb goes into a style.
const colours = coloursOf(world.towns);

const feed = new Feed(
  byId('feed'),
  byId<HTMLSelectElement>('filter-kind'),
  byId('feed-count'),
  names,
  colours,
  (actor) => people.has(actor),
);
const townFilter = byId<HTMLSelectElement>('filter-town');
townFilter.append(...world.towns.map((t) => el('option', { value: t.id }, t.name)));
const applyFilters = () => feed.filter(townFilter.value, byId<HTMLSelectElement>('filter-kind').value);
townFilter.addEventListener('change', applyFilters);
byId('filter-kind').addEventListener('change', applyFilters);

byId('legend').append(
  ...world.towns.map((t) => {
    const key = el('span', { 'data-town': t.id }, t.name);
    key.style.setProperty('--c', colours.get(t.id) ?? NEUTRAL_COLOUR);
    return key;
  }),
);
const worldMap = new WorldMap(byId('map'), world, (town) => void showDay(town));
const people = new ResidentsPanel(byId('residents'), names, (counts) => {
  for (const [town, n] of Object.entries(counts)) worldMap.setPeople(town, n);
});
const charts = new Charts(world, byId('charts'), colours);

// --- A resident's page: any resident's name (data-resident) opens it ----------------------------
const person = new PersonView(byId('resident'), names);
document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-resident]');
  if (!target?.dataset.resident || target === byId('resident')) return;
  event.preventDefault(); // a name in a conversation's summary opens the page, not the details
  void person.open(target.dataset.resident);
});

// --- The clock and the time control -------------------------------------------------------------
let live = true;
let today = world.day;
let clockAt = { t: world.day - 1 + world.hour / 24, wall: Date.now() };
const slider = byId<HTMLInputElement>('day-slider');
const dayLabel = byId<HTMLOutputElement>('day-label');
const liveButton = byId<HTMLButtonElement>('live');
const playButton = byId<HTMLButtonElement>('play');
slider.max = String(today);

function worldNow(): number {
  return clockAt.t + (Date.now() - clockAt.wall) / 1000 / world.seconds_per_day;
}

function tick(): void {
  const { day, hour } = worldTimeOf(worldNow());
  byId('clock').textContent =
    `Day ${day}, ${formatHour(hour)}${live ? ' · live' : ` · viewing day ${slider.value}`}`;
  if (day !== today) {
    today = day;
    slider.max = String(day);
    if (live) {
      slider.value = String(day);
      dayLabel.textContent = String(day);
    }
    void charts.refresh();
  }
}
setInterval(tick, 1000);

function setLive(on: boolean): void {
  live = on;
  liveButton.classList.toggle('on', on);
  liveButton.setAttribute('aria-pressed', String(on));
  if (on) stopReplay();
}

/** Show one day of history: the feed, the towns' headlines and the charts follow. */
async function showHistoryDay(day: number): Promise<StoredEvent[]> {
  setLive(false);
  slider.value = String(day);
  dayLabel.textContent = String(day);
  const events = await eventsOf(day, day);
  feed.set(events);
  for (const town of world.towns) {
    const last = events.filter((e) => e.town === town.id && e.kind !== 'sensor').at(-1);
    worldMap.setHeadline(town.id, last?.text ?? 'A quiet day.');
  }
  charts.follow(day);
  tick();
  return events;
}

async function goLive(): Promise<void> {
  setLive(true);
  slider.value = String(today);
  dayLabel.textContent = String(today);
  const [events, now] = await Promise.all([eventsOf(Math.max(1, today - 1), today), residents()]);
  people.set(now.residents, now.locations);
  // Live events may have come in while the history loaded: keep them on top.
  const arrived = feed.newerThan(events.reduce((max, e) => Math.max(max, e.id), 0));
  feed.set(events);
  feed.add(arrived);
  feed.toTop();
  charts.follow(null);
  tick();
}

slider.addEventListener('input', () => {
  dayLabel.textContent = slider.value;
});
slider.addEventListener('change', () => void showHistoryDay(Number(slider.value)));
liveButton.addEventListener('click', () => void goLive());

// --- Replay: play the history hour by hour ------------------------------------------------------
let replay: {
  day: number;
  hour: number;
  events: StoredEvent[];
  shown: number;
  last: number;
  frame: number;
} | null = null;
/** Frames drawn during replay since the page opened, for the benchmark of its frame rate. */
const replayStats = { frames: 0 };
Object.assign(window, { chronicleReplayStats: replayStats });

/** Counts replays started and stopped: a replay whose day is still loading gives up once it changes. */
let replayRun = 0;
let replayLoading = false;

function stopReplay(): void {
  replayRun++;
  replayLoading = false;
  if (replay) cancelAnimationFrame(replay.frame);
  replay = null;
  playButton.textContent = '▶';
  playButton.setAttribute('aria-label', 'Play the history');
}

async function startReplay(): Promise<void> {
  const run = ++replayRun;
  const day = Number(slider.value);
  replayLoading = true;
  const events = await showHistoryDay(day);
  // Paused, or gone live, while the day loaded: a second click must not start a second replay.
  if (run !== replayRun) return;
  replayLoading = false;
  feed.set([]);
  replay = { day, hour: 0, events, shown: 0, last: performance.now(), frame: 0 };
  playButton.textContent = '⏸';
  playButton.setAttribute('aria-label', 'Pause the history');
  const step = (now: number) => {
    if (!replay) return;
    replayStats.frames++;
    const speed = Number(byId<HTMLSelectElement>('replay-speed').value);
    // At 1× a world hour passes in a real second.
    replay.hour += ((now - replay.last) / 1000) * speed;
    replay.last = now;
    const due: StoredEvent[] = [];
    while (
      replay.shown < replay.events.length &&
      (replay.events[replay.shown] as StoredEvent).hour <= replay.hour
    ) {
      due.push(replay.events[replay.shown] as StoredEvent);
      replay.shown++;
    }
    if (due.length > 0) {
      feed.add(due);
      for (const e of due) worldMap.news(e);
    }
    if (replay.hour >= 24) {
      if (replay.day >= today) return stopReplay();
      const next = replay.day + 1;
      stopReplay();
      slider.value = String(next);
      void startReplay();
      return;
    }
    replay.frame = requestAnimationFrame(step);
  };
  replay.frame = requestAnimationFrame(step);
}

playButton.addEventListener('click', () => (replay || replayLoading ? stopReplay() : void startReplay()));

// --- A town's day, on click -----------------------------------------------------------------------
async function showDay(town: Town): Promise<void> {
  const day = live ? today : Number(slider.value);
  const summary = await daySummary(day);
  const mine = summary.towns[town.id];
  const totals = Object.entries(mine?.totals ?? {}).map(([k, v]) =>
    el('li', {}, `${k.replace(/_/g, ' ')}: ${v}`),
  );
  const highlights = (mine?.highlights ?? []).map((h) =>
    el(
      'li',
      {},
      `${formatHour(h.hour)} ${h.text}`,
      ...(h.actor && people.has(h.actor) ? [' ', personButton(h.actor)] : []),
    ),
  );
  const content = el(
    'div',
    { class: 'day-popup' },
    el('h3', {}, `${town.name}, day ${day}`),
    el('p', {}, town.description),
    el('h4', {}, 'Highlights'),
    highlights.length ? el('ul', {}, ...highlights) : el('p', {}, 'Nothing of note yet.'),
    el('h4', {}, 'Totals'),
    totals.length ? el('ul', {}, ...totals) : el('p', {}, 'No work recorded.'),
  );
  // Leaflet keeps a popup's clicks from the page: its residents' names are opened here.
  content.addEventListener('click', (event) => {
    const name = (event.target as Element | null)?.closest<HTMLElement>('[data-resident]')?.dataset.resident;
    if (name) void person.open(name);
  });
  worldMap.popup(town.id, content);
}

// --- Search and ask -------------------------------------------------------------------------------
const answers = byId('answers');
const answersList = byId('answers-list');
byId('answers-close').addEventListener('click', () => {
  answers.hidden = true;
});

function showAnswers(title: string, items: HTMLElement[]): void {
  byId('answers-title').textContent = title;
  answersList.replaceChildren(...items);
  answers.hidden = false;
}

function resultItem(e: StoredEvent): HTMLElement {
  const item = el('li', {}, resultButton(e));
  if (e.actor && people.has(e.actor)) item.append(' ', personButton(e.actor));
  return item;
}

function resultButton(e: StoredEvent): HTMLElement {
  const button = el(
    'button',
    { type: 'button', class: 'result', 'data-id': String(e.id) },
    `Day ${e.day} ${formatHour(e.hour)} · ${names[e.town] ?? e.town}: ${e.text}`,
  );
  button.addEventListener('click', async () => {
    worldMap.flyTo(e.town);
    if (live || Number(slider.value) !== e.day) await showHistoryDay(e.day);
    feed.highlight(e.id);
  });
  return button;
}

byId<HTMLFormElement>('search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const q = byId<HTMLInputElement>('search').value.trim();
  if (!q) return;
  try {
    const results = await search(q);
    showAnswers(`${results.length} results for “${q}”`, results.map(resultItem));
  } catch (error) {
    showAnswers('Search failed', [el('li', {}, (error as Error).message)]);
  }
});

byId<HTMLFormElement>('ask-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const question = byId<HTMLInputElement>('ask').value.trim();
  if (!question) return;
  try {
    const reply = await ask(question);
    const cited = reply.citations.length;
    const sources = reply.events.map(resultItem);
    // The answer's lines above are not sources: number the sources from 1.
    sources[0]?.setAttribute('value', '1');
    showAnswers('The world answers', [
      el('li', { class: 'answer' }, reply.answer),
      ...(reply.warning ? [el('li', { class: 'warning' }, reply.warning)] : []),
      ...(cited
        ? [
            el(
              'li',
              { class: 'sources' },
              cited > reply.events.length
                ? `Sources: the first ${reply.events.length} of ${cited} events`
                : `Sources: ${cited} ${cited === 1 ? 'event' : 'events'}`,
            ),
          ]
        : []),
      ...sources,
    ]);
  } catch (error) {
    const missing = (error as { status?: number }).status === 404;
    showAnswers('The world answers', [
      el(
        'li',
        {},
        missing ? 'Asking the world is not available on this server yet.' : (error as Error).message,
      ),
    ]);
  }
});

// --- Live events ----------------------------------------------------------------------------------
const stream = new EventSource(streamUrl());
// A refused stream closes for good, and EventSource does not say why: ask the API, whose 401
// brings up the prompt for the token.
stream.addEventListener('error', () => {
  if (stream.readyState === EventSource.CLOSED) getWorld().catch(() => undefined);
});
stream.onmessage = (message) => {
  const event = JSON.parse(message.data) as StoredEvent;
  clockAt = { t: Math.max(worldNow(), event.day - 1 + event.hour / 24), wall: Date.now() };
  people.apply(event);
  person.apply(event);
  if (!live) return;
  feed.add([event]);
  worldMap.news(event);
};

await goLive();
await charts.refresh();
document.body.dataset.ready = 'true';
