/** What Lantern Rock reports: the lamp's oil and the ships it guided, the seaweed, the visibility. */
import type { EventKindDef, MetricDef } from 'chronicle/town';

export const KINDS: readonly EventKindDef[] = [
  {
    kind: 'beacon',
    about: 'a night keeping the lamp',
    metrics: [
      {
        key: 'ships_guided',
        label: 'ships guided past the reef',
        unit: 'ships',
        decimals: 0,
        range: [0, 4],
        measure: 'output',
        words: /\bships? guided\b|\bguided\b|\bsteered\b|\bpassed safely\b/,
        chart: { group: 'production' },
        main: true,
      },
      {
        key: 'oil_litres',
        label: 'lamp oil burned',
        unit: 'litres',
        decimals: 1,
        range: [0, 1.6],
        measure: 'output',
        words: /\b(lamp )?oil\b|\blitres?\b/,
      },
    ],
    flags: [{ key: 'fog', phrase: 'fog lay on the sea', words: /\bfog(gy)?\b|\bmist(y)?\b/, news: true }],
  },
  {
    kind: 'gathering',
    about: 'gathering seaweed at low tide',
    metrics: [
      {
        key: 'seaweed_bundles',
        label: 'seaweed gathered',
        unit: 'bundles',
        decimals: 0,
        range: [0, 12],
        measure: 'output',
        words: /\bseaweed\b|\bkelp\b|\bbundles?\b/,
      },
    ],
  },
];

export const READINGS: readonly MetricDef[] = [
  {
    key: 'visibility_km',
    label: 'visibility',
    unit: 'km',
    decimals: 1,
    range: [0, 40],
    measure: 'reading',
    words: /\bvisibility\b|\bhow far\b/,
  },
];
