/** Small valid updates for the tests that send or store them. */
import type { Update } from '../../src/world/types.ts';

let counter = 0;

/** A small valid update of a town, unique per call. */
export function anUpdate(town = 'circuiton', overrides: Partial<Update> = {}): Update {
  counter++;
  return {
    id: `test/${town}/${counter}`,
    town: town as Update['town'],
    seq: counter,
    ts: new Date(Date.UTC(2026, 10, 23, 18, 0, counter)).toISOString(),
    day: 1 + Math.floor(counter / 10),
    hour: (counter % 10) * 2.4,
    events: [
      {
        kind: 'mining',
        actor: 'Ida Pike',
        text: `Ida Pike's shift mined 1.${counter % 10} tons of ore.`,
        data: { ore_tons: 1 + (counter % 10) / 10, metal_lbs: 0.003 },
      },
      { kind: 'sensor', text: '4 °C, 998 hPa.', data: { temperature_c: 4, pressure_hpa: 998 } },
    ],
    ...overrides,
  };
}
