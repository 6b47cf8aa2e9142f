/** What the Den of Thieves reports: its lookout, raids, repairs, arrows and the tavern's drinks. */
import type { EventKindDef } from '../../town.ts';

export const KINDS: readonly EventKindDef[] = [
  {
    kind: 'drinking',
    about: 'a night at the tavern',
    one: /\b(round|sitting)\b/,
    metrics: [
      {
        key: 'drinks',
        label: 'drinks poured',
        unit: 'drinks',
        decimals: 0,
        range: [0, 20],
        stated: /(\d+)\s+drinks?\b/i,
        measure: 'output',
        words: /\bdrinks?\b|\bdrank\b|\bdrunk\b|\bpoured\b|\brum\b|\bale\b|\bgrog\b|\btavern\b|\bdrinking\b/,
        chart: { group: 'production' },
      },
    ],
  },
  {
    kind: 'arrows',
    about: "the fletcher's work",
    one: /\b(batch|sheaf|bundle)\b/,
    metrics: [
      {
        key: 'arrows',
        label: 'arrows made',
        unit: 'arrows',
        decimals: 0,
        range: [0, 50],
        stated: /(\d+)\s+arrows?\b/i,
        measure: 'output',
        words: /\barrows?\b|\bfletch(er|ed)?\b/,
      },
    ],
  },
  {
    kind: 'raid',
    about: 'a raid on a shipment on the trade route',
    one: /\b(raid|haul|robbery|heist|attack)\b/,
    metrics: [
      {
        key: 'raid_gold',
        label: 'gold taken in raids',
        unit: 'gold',
        decimals: 0,
        range: [0, 500],
        stated: /raid\D*(\d+)/i,
        measure: 'output',
        words: /\b(gold|loot(ed)?|plunder(ed)?|booty|treasure)\b/,
        main: true,
      },
    ],
    // The raided town hears `target` and `loot_gold`; the town the goods were bound for, `to`.
    fields: {
      loot_gold: 'number',
      target: 'town',
      goods: 'goods',
      quantity: 'number',
      cargo_items: 'number',
      shipment: 'text',
      from: 'town',
      to: 'town',
    },
    happenings: [
      {
        name: 'raid',
        phrase: 'the pirates went on a raid',
        words:
          /\braid(s|ed|ing)?\b|\braiders?\b|\battack(s|ed)?\b|\bplunder(ed)?\b|\brob(s|bing)?\b|\bempty[- ]handed\b|\b(came|come|comes|coming) back empty\b|\bhit(s|ting)? (a|the|their|our) shipments?\b|\blet (a|the|any|\w+) (\w+ )?(shipments?|prizes?|cargo(es)?) go\b/,
        metric: 'raid_gold',
        min: 1,
      },
    ],
    news: true,
  },
  {
    kind: 'lookout',
    about: 'the lookout counting sails on the trade route',
    one: /\bsighting\b/,
    metrics: [
      {
        key: 'sails',
        label: 'sails sighted',
        unit: 'sails',
        decimals: 0,
        range: [0, 100],
        measure: 'output',
        words: /\bsails?\b|\blookout\b/,
        // Each lookout counts the sails in sight: the same ship is seen again and again.
        natural: 'mean',
      },
    ],
  },
  {
    kind: 'repair',
    about: "the crew's work on their ship",
    one: /\b(repair|refit)\b/,
    metrics: [
      {
        key: 'boat_repaired',
        label: 'ship repairs',
        unit: 'repairs',
        decimals: 0,
        range: [0, 1],
        measure: 'output',
        words: /\brepair(s|ed)?\b|\bfix(ed)?\b|\bpatched\b/,
      },
    ],
    happenings: [
      {
        name: 'repair',
        phrase: 'the pirates repaired their ship',
        // "Patch" alone is PatchBourough ("rain at patch"); patching is a verb with its ship.
        words: /\brepair(s|ed|ing)?\b|\bfix(ed|ing)?\b|\bpatch(ed|ing)\b|\bpatch (up|the|her|their)\b/,
        metric: 'boat_repaired',
        min: 1,
      },
    ],
  },
];
