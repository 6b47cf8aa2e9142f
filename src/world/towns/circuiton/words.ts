/** How Circuiton tells its work: the grammar of its mines, its Academy and its workshop (grammar.ts). */
import type { Grammar } from '../../grammar.ts';

export const WORDS: Grammar = {
  mined: [
    "{miner}'s shift mined {ore} tons of ore, processed into {metal} lbs of metal.",
    "{miner}'s shift mined {ore} tons of ore #gallery#, processed into {metal} lbs of metal #smelter#.",
    '#shift-time#, {miner} brought up {ore} tons of ore #gallery#: {metal} lbs of metal #smelter#.',
    "{miner}'s shift dug {ore} tons of ore #gallery#; the smelter made {metal} lbs of metal of it.",
    '#shift-time#, {miner} and the crew mined {ore} tons of ore, smelted into {metal} lbs of metal.',
    '{miner} led the shift #gallery# and brought up {ore} tons of ore: {metal} lbs of metal at the smelter.',
    "Carts of ore rolled out #gallery#: {miner}'s shift mined {ore} tons, {metal} lbs of metal once smelted.",
    "{miner}'s shift cut {ore} tons of ore #gallery#, processed into {metal} lbs of metal.",
  ],
  richSeam: [
    "{miner}'s shift struck a rich seam #gallery#: {ore} tons of ore, {metal} lbs of metal.",
    'A good vein #gallery#: {miner} and the crew mined {ore} tons of ore, processed into {metal} lbs of metal.',
    "{miner}'s shift mined {ore} tons of ore from the new face #gallery#, smelted into {metal} lbs of metal.",
  ],
  hungry: [
    'The miners are hungry: no flour has come up the road.',
    'They worked on empty bellies: there is no flour in Circuiton.',
    'Without flour for bread the crew tires early, and the ore shows it.',
    'The bread ran out days ago; hungry miners dig less.',
  ],
  flooded: [
    "{miner}'s shift bailed water: the rain has flooded the lower gallery and its tunnels. No ore today.",
    'The rain has flooded the lower gallery: {miner} and the crew pumped out the water. No ore today.',
    "{miner}'s shift spent the hours bailing water from the flooded gallery. No ore today.",
  ],
  noPicks: [
    "{miner}'s shift had no picks left: no ore mined.",
    '{miner} sent the shift home: every pick is broken, and no ore was mined.',
  ],
  gallery: [
    'in the east gallery',
    'on the third level',
    'at the deep face',
    'in the copper drift',
    'below the old shaft',
    'in the north adit',
    'at the tin lode',
    'in the iron drift',
    'under the waterfall shaft',
    'at the lower face',
  ],
  smelter: [
    'at the smelter',
    'once it was smelted',
    'in the furnace by nightfall',
    'after the crushing mill',
  ],
  'shift-time': [
    'On the night shift',
    'On the morning shift',
    'Through the long shift',
    'By lamplight underground',
  ],
  learned: [
    '{learned|pupil} of {teacher} learned how to make {craft} at the Academy.',
    "In {teacher}'s class, {learned|pupil} mastered {craft}.",
    '{teacher} taught {craft} at the Academy; {learned|pupil} got the knack of it.',
    '#class-time#, {learned|pupil} of {teacher} learned to make {craft}.',
    "{teacher}'s lesson on {craft} stuck: {learned|pupil} can make them now.",
  ],
  noneLearned: [
    "Nobody in {teacher}'s class mastered {craft} today.",
    '{teacher} spent the lesson on {craft}, but nobody has mastered it yet.',
    "{craft} defeated {teacher}'s class today: nobody got it right.",
  ],
  'class-time': ['This morning', 'After the noon bell', 'In the afternoon class', 'At the workbenches'],
  trinkets: [
    '{john} produced {trinkets} small metal {trinkets~trinket} ({kind}).',
    '{john} produced {trinkets} small metal {trinkets~trinket} ({kind}) #bench-for#.',
    'At the workshop bench, {john} made {trinkets} small metal {trinkets~trinket} ({kind}).',
    '{john} filed and polished {trinkets} small metal {trinkets~trinket} ({kind}) #bench-for#.',
    '#bench-time#, {john} turned out {trinkets} small metal {trinkets~trinket} ({kind}).',
  ],
  noMetal: [
    '{john} had no metal to work: no trinkets made.',
    '{john} swept the workshop: no metal on the bench, so no trinkets made.',
  ],
  'bench-for': [
    'for the port',
    'for the market stalls',
    'for the traders',
    'for a merchant overseas',
    'as practice',
  ],
  'bench-time': [
    'Before the lamps were lit',
    'In the quiet afternoon',
    'Under the master’s eye',
    'Between lessons',
  ],
};
