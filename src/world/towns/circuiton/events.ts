/** What Circuiton's jobs report: the mine's ore and metal, the Academy's pupils, John's trinkets. */
import type { EventKindDef } from '../../town.ts';

export const KINDS: readonly EventKindDef[] = [
  {
    kind: 'mining',
    about: "a miners' shift",
    one: /\b(shift|haul)\b/,
    metrics: [
      {
        key: 'ore_tons',
        label: 'ore mined',
        unit: 'tons',
        decimals: 2,
        range: [0, 2],
        stated: /(\d+(?:\.\d+)?)\s+tons? of ore/i,
        measure: 'output',
        words: /\bores?\b|\bmined\b|\bmining\b|\bdug\b|\bdig(s|ging)?\b/,
        // Tons are small beside the other towns' fish and pounds: a hundredfold brings them in scale.
        chart: { group: 'production', scale: 100 },
        main: true,
      },
      {
        key: 'metal_lbs',
        label: 'metal processed',
        unit: 'lbs',
        decimals: 4,
        range: [0, 0.005],
        stated: /(\d+(?:\.\d+)?)\s+lbs? of metal/i,
        measure: 'output',
        words: /\bmetals?\b|\bsmelt(ed)?\b/,
      },
    ],
    flags: [
      { key: 'flood', phrase: 'the mine flooded', words: /\bflood(s|ed|ing)?\b/, news: true },
      { key: 'hunger', phrase: 'the miners went hungry', words: /\bhungry\b|\bhunger\b|\bstarv/, news: true },
    ],
  },
  {
    kind: 'apprenticeship',
    about: "the apprentices' workshop",
    one: /\b(sitting|session|batch)\b/,
    metrics: [
      {
        key: 'trinkets',
        label: 'trinkets made',
        unit: 'trinkets',
        decimals: 0,
        range: [0, 7],
        stated: /(\d+)\s+(?:small metal )?trinkets?/i,
        measure: 'output',
        words: /\btrinkets?\b/,
      },
    ],
  },
  {
    kind: 'education',
    about: 'a lesson at the Academy',
    one: /\b(lesson|class)\b/,
    metrics: [
      {
        key: 'learned',
        label: 'pupils who learned a craft',
        unit: 'pupils',
        decimals: 0,
        range: [0, 2],
        measure: 'output',
        words: /\blearn(ed|t|ing)?\b|\bpupils?\b|\bstudents?\b|\bclass(es)?\b|\bacademy\b|\bschool\b/,
      },
    ],
  },
];
