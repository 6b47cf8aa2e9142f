/** How PatchBourough tells its work: the grammar its fields, mill and forge speak (grammar.ts). */
import type { Grammar } from '../../grammar.ts';

export const WORDS: Grammar = {
  // The fields in season.
  harvest: [
    '{farmer} #reaped# {harvest} lbs of grain #field#, and stacked {stacked} lbs in sheaves.',
    '{farmer} harvested {harvest} lbs of grain #field#; {stacked} lbs more went to the barn in sheaves.',
    '#weather-good#, {farmer} brought {harvest} lbs of grain into the granary and {stacked} lbs of sheaves into the barn.',
    'The reapers under {farmer} cut {harvest} lbs of grain #field# and bound {stacked} lbs in sheaves.',
  ],
  surplus: [
    '{farmer} brought in a surplus: {harvest} lbs of grain #field#, and {stacked} lbs in sheaves.',
    'A bumper crop #field#: {farmer} brought in a surplus of {harvest} lbs of grain and stacked {stacked} lbs in sheaves.',
    '{farmer} #reaped# a surplus of {harvest} lbs of grain #field#; the barns took {stacked} lbs of sheaves.',
  ],
  thin: [
    '{farmer} harvested a thin {harvest} lbs of grain from the parched field; {stacked} lbs went to the barn.',
    'The drought kept the ears small: {farmer} brought in only {harvest} lbs of grain #field#.',
    '{farmer} #reaped# {harvest} lbs of grain from dry, cracked ground #field#.',
  ],
  parched: [
    '{farmer} walked the parched rows: the drought left no crops.',
    '{farmer} worked the field, but the drought left no crops to cut.',
    'Nothing to reap #field#: {farmer} found the drought had withered the crop.',
  ],
  nothing: [
    '{farmer} worked the field: no crops came up.',
    '{farmer} weeded the rows #field#, but no crops were ready.',
  ],
  // Out of season: threshing the barns' sheaves, or ploughing and sowing when they are empty.
  threshing: [
    '{farmer} threshed {harvest} lbs of grain from the sheaves in the barn; {left} lbs still wait.',
    'The flails were going in the barn: {farmer} threshed {harvest} lbs of grain for the granary.',
    '#cold-day#, {farmer} threshed the stored sheaves and took {harvest} lbs of grain to the granary.',
    '{farmer} and the farmhands beat out {harvest} lbs of grain on the threshing floor #barn-time#.',
    '{farmer} threshed {harvest} lbs of grain #barn-time#; {left} lbs of sheaves remain.',
    "{farmer} winnowed {harvest} lbs of grain from last harvest's sheaves; {left} lbs are left in the barn.",
  ],
  winter: [
    '{farmer} worked the frozen field: no crops in winter, and the barns are threshed out.',
    '{farmer} mended fences round the frozen fields; the barns hold no more sheaves to thresh.',
    'Nothing grows in the frozen ground: {farmer} spread manure on the fields for the spring.',
  ],
  sowing: [
    '{farmer} ploughed and sowed the field: no crops yet.',
    '{farmer} drilled seed into the furrows #field#; the crop will come later.',
    '{farmer} harrowed the ploughed land #field#: no crops yet.',
  ],
  reaped: ['reaped', 'cut', 'brought in', 'gathered'],
  field: [
    'on the river meadows',
    'in the long field',
    'by the mill race',
    'on the south slope',
    'in the bottom field',
    'behind the chapel',
    'along the towpath',
    'on the high acre',
  ],
  'weather-good': [
    'Under a clear sky',
    'Working from first light',
    'With every hand in the field',
    'In the warm evening',
  ],
  'barn-time': [
    'before the frost lifted',
    'with the barn doors shut',
    'by lantern light',
    'while sleet fell',
    'through the short afternoon',
  ],
  'cold-day': ['On a cold day', 'With the fields bare', 'While the frost held', 'Out of the wind'],
  // The water mill.
  grind: [
    '{miller} ground {grain} lbs of grain into {flour} lbs of flour #mill-note#.',
    '{miller} ground {grain} lbs of grain into {flour} lbs of flour.',
    'The mill wheel turned all shift: {miller} ground {grain} lbs of grain into {flour} lbs of flour #mill-note#.',
    '{miller} fed {grain} lbs of grain to the stones and bagged {flour} lbs of flour; {stock} lbs are left in the granary.',
    '{miller} milled {flour} lbs of flour from {grain} lbs of grain #mill-note#.',
    '#mill-start#, {miller} ground {grain} lbs of grain into {flour} lbs of flour.',
  ],
  binsFull: [
    'The flour bins hold plenty: {miller} kept the stones still and swept the mill floor.',
    '{miller} kept the wheel at rest: the flour bins are full to the lids.',
    'With flour enough in the bins, {miller} kept the mill shut and swept out the stone loft.',
    '{miller} kept the stones still today: the bins are full, and the bakers are well stocked.',
    'No grinding today: the bins are full, and {miller} mended the sacks instead.',
    'The flour bins are full, so {miller} kept the sluice shut and oiled the gears.',
  ],
  slowWheel: [
    'The low river ({river} m) turned the wheel slowly: {miller} ground only {grain} lbs of grain into {flour} lbs of flour.',
    '{miller} ground {grain} lbs of grain into {flour} lbs of flour on a sluggish wheel; the river is down to {river} m.',
    'With the river at {river} m the stones barely turned: {miller} milled {flour} lbs of flour from {grain} lbs of grain.',
  ],
  lowRiver: [
    "{miller}'s mill stood idle: the river is too low ({river} m) to turn the wheel.",
    'The mill stood idle, its wheel still: at {river} m the river cannot turn it, and {miller} waits for rain.',
    "{miller}'s mill stood idle with the river down to {river} m; the race is nearly dry.",
  ],
  noGrain: [
    "{miller}'s mill stood idle, its wheel still: only {stock} lbs of grain in the granary.",
    '{miller} had nothing to grind: the granary is down to {stock} lbs of grain, and the mill stood idle.',
  ],
  'mill-note': [
    'while the race ran fast',
    'with the sluice wide open',
    'before the carts came',
    'for the bakers',
    'for the inn',
    'for the caravan to Circuiton',
  ],
  'mill-start': [
    'At first light',
    'With the race running high',
    'Through the afternoon',
    'Late into the evening',
  ],
  // The forge.
  forged: [
    '{smith} forged {tools|tool} ({kind}).',
    '{smith} forged {tools|tool} ({kind}) #forge-for#.',
    '{smith} worked the bellows and forged {tools|tool} ({kind}) from Circuiton metal.',
    'The anvil rang at the forge: {smith} made {tools|tool} ({kind}).',
    '{smith} hammered out {tools|tool} ({kind}) #forge-for#.',
    '#forge-start#, {smith} forged {tools|tool} ({kind}).',
  ],
  coldForge: [
    "{smith}'s forge was cold: no metal from Circuiton to work.",
    '{smith} swept out a cold forge: not an ounce of metal has come from Circuiton.',
    'The forge was cold: {smith} has no metal to work until the caravan brings some.',
  ],
  'forge-for': [
    'for the farms',
    'for the mines of Circuiton',
    'for the port',
    'to order',
    'for the spring work',
    'for the carters',
  ],
  'forge-start': ['Before noon', 'With the fire well banked', 'All afternoon', 'Once the coals were hot'],
};
