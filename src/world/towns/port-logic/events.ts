/** What Port Logic's jobs report: the catch, the loft's nets and ropes, and the tide. */
import type { EventKindDef, MetricDef } from '../../town.ts';

export const KINDS: readonly EventKindDef[] = [
  {
    kind: 'fishing',
    about: 'a fishing trip',
    one: /\b(haul|catch|trip|landing)\b/,
    metrics: [
      {
        key: 'fish',
        label: 'fish caught',
        unit: 'fish',
        decimals: 0,
        range: [0, 500],
        stated: /(\d+)\s+fish\b/i,
        measure: 'output',
        words: /\bfish(es|ing)?\b|\bcatch(es)?\b|\bcaught\b|\bhauls?\b/,
        chart: { group: 'production' },
        main: true,
      },
    ],
    flags: [
      {
        key: 'empty_nets',
        phrase: 'a fisher came back with empty nets',
        words: /\bempty[- ]nets?\b|\bnets\b[^?]*?\bempty\b/,
      },
      { key: 'fine_haul', phrase: 'a fisher landed a fine haul', words: /\bfine haul\b|\bbig catch\b/ },
    ],
  },
  {
    kind: 'maritime',
    about: "the net loft's work",
    one: /\b(batch|repair)\b/,
    metrics: [
      {
        key: 'nets',
        label: 'nets made',
        unit: 'nets',
        decimals: 0,
        range: [1, 10],
        stated: /(\d+)\s+nets?\b/i,
        measure: 'output',
        words: /\bnets?\b/,
      },
      {
        key: 'ropes',
        label: 'ropes made',
        unit: 'ropes',
        decimals: 0,
        range: [0, 20],
        stated: /(\d+)\s+ropes?\b/i,
        measure: 'output',
        words: /\bropes?\b/,
      },
    ],
  },
];

export const READINGS: readonly MetricDef[] = [
  {
    key: 'tide_m',
    label: 'tide',
    unit: 'm',
    decimals: 2,
    range: [-2, 6],
    measure: 'reading',
    words: /\btides?\b/,
  },
];
