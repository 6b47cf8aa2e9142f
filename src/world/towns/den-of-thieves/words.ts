/** How the Den of Thieves tells its doings: the grammar of its lookout, raids, boat, arrows and tavern (grammar.ts). */
import type { Grammar } from '../../grammar.ts';

export const WORDS: Grammar = {
  noSails: [
    'The lookout on Gallows Rock saw no sails on the trade route.',
    'Not a sail on the trade route: the lookout on Gallows Rock watched an empty sea.',
    'The lookout on Gallows Rock scanned the route #watch# and saw no sails.',
    'The lookout on Gallows Rock saw no sails #watch#: #empty-sea#.',
  ],
  sails: [
    'The lookout on Gallows Rock counted {sails|sail} on the trade route #watch#; the richest carries {goods} from {from} to {to}.',
    'From Gallows Rock the lookout counted {sails|sail} #watch#; the fattest is a {goods} shipment from {from} to {to}.',
    '{sails|sail} on the trade route, says the lookout on Gallows Rock: the richest carries {goods} from {from} to {to}.',
    'The lookout on Gallows Rock spotted {sails|sail} #watch#, the best of them {goods} bound from {from} to {to}.',
    '#lookout-who# counted {sails|sail} on the trade route #watch#; the richest carries {goods} from {from} to {to}.',
  ],
  'empty-sea': [
    'the route is empty',
    'the merchants stay in port',
    'only gulls on the waves',
    'the sea lies flat and bare',
  ],
  'lookout-who': [
    'The lookout on Gallows Rock',
    'The boy on Gallows Rock',
    'The watch on Gallows Rock',
    'Old One-Eye on Gallows Rock',
  ],
  watch: [
    'at first light',
    'through the spyglass',
    'in the haze',
    'as the tide turned',
    'before dusk',
    'from the crow’s nest',
    'at noon',
  ],
  raid: [
    '{captain} left on a raid in the {ship} and took {cargo} from the {from} shipment to {to}, worth {loot} gold.',
    'On a raid in the {ship}, {captain} boarded the {from} shipment to {to} and took {cargo}, worth {loot} gold.',
    '{captain} ran the {ship} alongside the {from} shipment bound for {to} on a raid: {cargo} taken, worth {loot} gold.',
    '#raid-start#, {captain} went out on a raid and stripped the {from} shipment to {to} of {cargo}, worth {loot} gold.',
  ],
  'raid-start': ['Under a black flag', 'Out of the morning mist', 'With the wind behind her', 'In the dusk'],
  'letGo-storm': [
    '{captain} let the {goods} shipment from {from} go: no raid leaves in a storm (wind {wind} km/h).',
    'The storm kept the {ship} in the cove ({wind} km/h of wind): {captain} let the {goods} shipment from {from} pass.',
  ],
  'letGo-hull': [
    "{captain} let the {goods} shipment from {from} go: the {ship}'s hull is cracked and she must be repaired first.",
    'With the {ship} leaking at the seams, {captain} let the {goods} shipment from {from} go by.',
  ],
  'letGo-arrows': [
    '{captain} let the {goods} shipment from {from} go: only {arrows} arrows left in the racks.',
    'Too few arrows ({arrows} in the racks): {captain} let the {goods} shipment from {from} go past.',
  ],
  repaired: [
    "The pirates repaired their ship: {bosun}'s crew patched the {ship}'s hull for {cost} gold.",
    'The pirates repaired their ship: {bosun} bought timber and pitch for {cost} gold and caulked the {ship}.',
    "{bosun}'s pirates hauled the {ship} up the beach and repaired their ship's hull with {cost} gold of timber.",
  ],
  noTimber: [
    'The pirates could not repair their ship: {bosun} has no gold for timber and the {ship} stays leaky.',
    '{bosun} looked over the leaking {ship}: no gold for timber, so the pirates could not repair their ship.',
  ],
  arrows: [
    '{fletcher} made {arrows} arrows; {racks} in the racks.',
    '{fletcher} fletched {arrows} arrows with #feathers#; the racks hold {racks} now.',
    '#fletch-time#, {fletcher} fletched {arrows} arrows with #feathers#; {racks} in the racks.',
    '#fletch-time#, {fletcher} made {arrows} arrows, bringing the racks to {racks}.',
    '{fletcher} cut shafts and made {arrows} arrows; {racks} are racked and ready.',
  ],
  feathers: ['gull feathers', 'goose feathers', 'parrot feathers', 'pelican quills', 'cormorant feathers'],
  'fletch-time': ['By the fire', 'On the beach', 'In the shade of the palms', 'While the crew slept'],
  'drinks-singing': [
    '{keeper} poured {drinks} drinks at the tavern #night#; the crew sat singing.',
    'The tavern rang with sea songs #night#: {keeper} poured {drinks} drinks.',
    'The tavern rang with #song#: {keeper} poured {drinks} drinks.',
    '{keeper} kept the #drink# flowing, {drinks} drinks, and the crew sang till late.',
    'A merry night at the tavern: {keeper} poured {drinks} drinks of #drink# for a singing crew.',
    '{keeper} poured {drinks} drinks while the crew roared out #song#.',
  ],
  'drinks-talking': [
    '{keeper} poured {drinks} drinks at the tavern #night#; the crew sat talking.',
    'Over {drinks} drinks at the tavern the crew talked of #talk#; {keeper} kept the mugs full.',
    '{keeper} served {drinks} drinks to a crew swapping tales of #talk#.',
    '{drinks} drinks poured by {keeper}; the talk at the tavern was of #talk#.',
  ],
  'drinks-grumbling': [
    '{keeper} poured {drinks} drinks at the tavern; the crew sat grumbling.',
    'A sour night at the tavern: {keeper} poured {drinks} drinks of #drink# for a crew grumbling about #grumble#.',
    '{keeper} poured {drinks} drinks, and the crew grumbled about #grumble#.',
  ],
  night: ['tonight', 'after sundown', 'by candlelight', 'until the small hours', 'as the tide came in'],
  drink: ['rum', 'grog', 'ale', 'palm wine', 'stolen brandy'],
  song: ['"The Black Gull\'s Wake"', '"Gallows Rock"', '"Rum for the Captain"', '"The Merchant\'s Lament"'],
  talk: [
    'the next prize',
    'old raids',
    'the Port Logic guard',
    'the weather',
    'buried gold',
    "the captain's luck",
  ],
  grumble: ['empty purses', 'the leaky boat', 'the captain', 'the lack of prizes', 'watered rum'],
  broke: [
    '{keeper} would not pour on credit: the crew is broke.',
    'The tavern stayed dry: {keeper} will not pour for a crew with no coin.',
  ],
};
