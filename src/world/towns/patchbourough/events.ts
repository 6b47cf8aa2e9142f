/** What PatchBourough's jobs report: the harvest, the mill, the forge, and the river's level. */
import type { EventKindDef, MetricDef } from '../../town.ts';

export const KINDS: readonly EventKindDef[] = [
  {
    kind: 'farming',
    about: 'a day in the fields',
    one: /\breaping\b/,
    metrics: [
      {
        key: 'harvest',
        label: 'grain harvested',
        unit: 'lbs',
        decimals: 0,
        range: [0, 500],
        measure: 'output',
        words:
          /\bharvest(s|ed|ing)?\b|\bcrops?\b|\bbushels?\b|\byields?\b|\breap(s|ed|ing)?\b|\bgrain\b[^?]*\b(from|in) the fields\b/,
        chart: { group: 'production' },
        main: true,
      },
    ],
    flags: [
      {
        key: 'surplus',
        phrase: 'the farmers brought in a surplus',
        words: /\bsurplus(es)?\b|\bbumper\b/,
        news: true,
      },
      {
        key: 'drought',
        phrase: 'the drought thinned the harvest',
        words: /\bdrought\b|\bparched\b|\bdry spell\b/,
        news: true,
      },
    ],
  },
  {
    kind: 'mill',
    about: 'the water mill grinding grain into flour',
    one: /\bgrinding\b/,
    metrics: [
      {
        key: 'flour_lbs',
        label: 'flour milled',
        unit: 'lbs',
        decimals: 0,
        range: [0, 360],
        measure: 'output',
        words: /\bflour\b/,
      },
      {
        key: 'grain_lbs',
        label: 'grain ground at the mill',
        unit: 'lbs',
        decimals: 0,
        range: [0, 500],
        stated: /(\d+)\s+lbs? of grain/i,
        measure: 'output',
        // The mill is named for its grain only where its flour is not ("how much flour did the mill
        // make"), nor the harvest ("grain reaped", "grain brought in from the fields").
        words:
          /(?<!\b(harvest|reap)\w*\b[^?]*)\bgrain\b(?![^?]*\b(harvest|reap(s|ed|ing)?\b|(from|in) the fields\b))|(?<!\bflour\b[^?]*)\b(mill(ed|s)?|ground)\b(?![^?]*\bflour\b)/,
      },
    ],
    fields: { grain_stock_lbs: 'number' },
    flags: [
      {
        key: 'bins_full',
        phrase: 'the bins were full, and the miller rested',
        words: /\bbins?\b[^?,]{0,40}?\b(were|are|was|is|stood|sat) full\b|\bfull (flour )?bins?\b/,
        rest: true,
      },
      {
        key: 'idle',
        phrase: 'the mill stood idle',
        // "Idle" is the mill's unless the forge is named ("the forge stood idle": it was cold).
        words:
          /(?<!\bforge\b[^?]*)\bidle\b(?![^?]*\bforge\b)|\bst(and|ands|ood|anding) still\b|\bnot (turn|grind)\w*/,
      },
    ],
  },
  {
    kind: 'forge',
    about: "the blacksmith's forge",
    one: /\b(firing|batch)\b/,
    metrics: [
      {
        key: 'tools',
        label: 'tools forged',
        unit: 'tools',
        decimals: 0,
        range: [0, 5],
        stated: /(\d+)\s+tools?\b/i,
        measure: 'output',
        words: /\btools?\b|\bforged?\b|\bblacksmiths?\b|\bsmith\b/,
      },
    ],
    flags: [
      {
        key: 'cold_forge',
        phrase: 'the forge was cold',
        words: /\b(forge|smithy)\b[^?]*\b(cold|idle)\b|\b(cold|idle) (forge|smithy)\b/,
      },
    ],
  },
];

export const READINGS: readonly MetricDef[] = [
  {
    key: 'river_level_m',
    label: 'river level',
    unit: 'm',
    decimals: 2,
    range: [0, 10],
    measure: 'reading',
    words: /\briver level\b|\briver\b(?! town| farms)/,
  },
];
