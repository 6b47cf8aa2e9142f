/** The Leaflet map over the drawn world: towns, their latest news, goods on the road and raids. */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { StoredEvent, Town, World } from './api.ts';
import { el, safeColour } from './dom.ts';

export class WorldMap {
  readonly map: L.Map;
  private readonly markers = new Map<string, L.Marker>();
  private readonly headlines = new Map<string, HTMLElement>();
  private readonly people = new Map<string, HTMLElement>();
  private readonly towns = new Map<string, Town>();

  constructor(root: HTMLElement, world: World, onTownClick: (town: Town) => void) {
    const bounds: L.LatLngBoundsExpression = [
      [0, 0],
      [world.map.height, world.map.width],
    ];
    this.map = L.map(root, {
      crs: L.CRS.Simple,
      minZoom: -2,
      maxZoom: 2,
      zoomSnap: 0.25,
      attributionControl: false,
    });
    L.imageOverlay('/map.svg', bounds).addTo(this.map);
    this.map.fitBounds(bounds);
    for (const town of world.towns) {
      this.towns.set(town.id, town);
      // An element, not HTML: a style attribute in HTML is inline style, which the CSP refuses;
      // a colour set through the CSSOM is not.
      const dot = el('span', { class: 'dot', 'data-town': town.id });
      dot.style.background = safeColour(town.colour);
      const icon = L.divIcon({
        className: 'town-icon',
        html: dot,
        iconSize: [22, 22],
        iconAnchor: [11, 11],
      });
      const marker = L.marker(this.latLng(town.id), {
        icon,
        title: town.name,
        alt: town.name,
        keyboard: true,
      });
      const headline = el('span', { class: 'headline' }, town.headline?.text ?? 'Waiting for news…');
      const people = el('span', { class: 'people' }, '');
      const label = el(
        'div',
        { class: 'town-label', 'data-town': town.id },
        el('strong', {}, town.name),
        people,
        headline,
      );
      // Leaflet treats a string as HTML; an element is shown as it is.
      marker.bindTooltip(label, {
        permanent: true,
        direction: 'right',
        offset: [12, 0],
        className: 'town-tooltip',
      });
      marker.on('click keypress', () => onTownClick(town));
      marker.addTo(this.map);
      this.markers.set(town.id, marker);
      this.headlines.set(town.id, headline);
      this.people.set(town.id, people);
    }
  }

  private latLng(town: string): L.LatLngTuple {
    const position = this.towns.get(town)?.position ?? [0, 0];
    return [position[1], position[0]];
  }

  /** A town's marker pulses and shows its latest headline. */
  news(event: StoredEvent): void {
    const headline = this.headlines.get(event.town);
    if (!headline) return;
    if (event.kind !== 'sensor' || !headline.textContent || headline.textContent === 'Waiting for news…') {
      headline.textContent = event.text;
    }
    this.pulse(event.town);
    if (
      event.kind === 'trade' &&
      this.towns.has(String(event.data.from)) &&
      this.towns.has(String(event.data.to))
    ) {
      this.travel(String(event.data.from), String(event.data.to), '#f3d27a', 'cargo');
    }
    // A raid names its target only when it went ahead.
    if (event.kind === 'raid' && this.towns.has(String(event.data.target))) {
      this.travel(event.town, String(event.data.target), '#e74c3c', 'raid');
    }
  }

  /** A ship or caravan (or a raiding party) moving from one town towards another. */
  private travel(from: string, to: string, colour: string, kind: 'cargo' | 'raid'): void {
    const [a, b] = [this.latLng(from), this.latLng(to)];
    const line = L.polyline([a, b], {
      color: colour,
      weight: 2,
      dashArray: '6 6',
      opacity: 0.8,
      className: `route-${kind}`,
    }).addTo(this.map);
    const mover = L.circleMarker(a, {
      radius: kind === 'raid' ? 8 : 6,
      color: colour,
      fillColor: colour,
      fillOpacity: 0.9,
      className: kind,
    }).addTo(this.map);
    const started = performance.now();
    const duration = 2500;
    const step = (now: number) => {
      const f = Math.min(1, (now - started) / duration);
      mover.setLatLng([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f]);
      if (f < 1) requestAnimationFrame(step);
      else
        setTimeout(() => {
          line.remove();
          mover.remove();
        }, 800);
    };
    requestAnimationFrame(step);
  }

  /** A ring that spreads from the town's marker. The Web Animations API restarts it without a reflow. */
  private pulse(town: string): void {
    const dot = this.markers.get(town)?.getElement()?.querySelector('.dot');
    dot?.animate(
      [{ boxShadow: '0 0 0 0 rgba(255, 230, 150, 0.9)' }, { boxShadow: '0 0 0 22px rgba(255, 230, 150, 0)' }],
      { duration: 1200, easing: 'ease-out' },
    );
  }

  flyTo(town: string): void {
    this.map.flyTo(this.latLng(town), 1, { duration: 0.8 });
    this.pulse(town);
  }

  setHeadline(town: string, text: string): void {
    const headline = this.headlines.get(town);
    if (headline) headline.textContent = text;
  }

  /** How many residents are in a town now, beside its name. */
  setPeople(town: string, n: number): void {
    const people = this.people.get(town);
    if (people) people.textContent = n > 0 ? ` · ${n} ${n === 1 ? 'resident' : 'residents'} here` : '';
  }

  popup(town: string, content: HTMLElement): void {
    L.popup({ maxWidth: 360 }).setLatLng(this.latLng(town)).setContent(content).openOn(this.map);
  }
}
