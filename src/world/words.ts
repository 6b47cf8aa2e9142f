/** How every town tells its trade: the grammar of shipments, arrivals, orders and losses (grammar.ts). */
import type { Grammar } from './grammar.ts';

export const COMMON_WORDS: Grammar = {
  sent: [
    '{trader} sent {cargo} by {by} to {to}, sold for {value} gold.',
    '{trader} loaded {cargo} onto the {by} for {to}; the sale brought {value} gold.',
    '{cargo} left by {by} for {to}: {trader} sold the lot for {value} gold.',
    '{trader} struck a deal with {to}: {cargo}, {value} gold, sent by {by}.',
    '#trade-start#, {trader} sent {cargo} by {by} to {to} for {value} gold.',
  ],
  dearer: [
    '{to} is short of {goods}: {trader} sent {cargo} by {by}, sold for {value} gold at {price} a crate, up from {usual}.',
    '{trader} answered the order from {to} with {cargo} by {by}; at {price} gold a crate instead of {usual}, it brought {value} gold.',
  ],
  doubled: [
    'The price of {goods} has doubled: {trader} sent {cargo} by {by} to {to} for {value} gold, {price} a crate against the usual {usual}.',
    '{to} paid double for {goods}: {trader} sent {cargo} by {by} at {price} gold a crate, {value} gold in all.',
  ],
  'trade-start': [
    'Early in the day',
    'Before the market closed',
    'With the road clear',
    'At the loading yard',
  ],
  arrival: [
    'The {by} from {from} arrived with {cargo}.',
    '{cargo} came in on the {by} from {from}.',
    'The {by} from {from} unloaded {cargo}.',
    'Carters took {cargo} off the {by} from {from}.',
  ],
  relief: [
    'The {by} from {from} arrived with {cargo}: the {goods} that was ordered is here at last.',
    'Relief: {cargo} came in on the {by} from {from}, the {goods} the town was waiting for.',
  ],
  order: [
    '{town} is running low on {goods}, with {have} left: ordered more from {supplier} at {price} gold a crate.',
    'Only {have} of {goods} left in the stores: {town} sent to {supplier} for more, offering {price} gold a crate (usually {usual}).',
    'The {goods} store is down to {have}: an order went to {supplier}, at {price} gold a crate.',
  ],
  reorder: [
    'Still no {goods} from {supplier}, and only {have} left: {town} ordered again, now offering {price} gold a crate.',
    'The {goods} has not come: {town} sent a second order to {supplier}, at {price} gold a crate against the usual {usual}.',
  ],
  loss: [
    'Pirates of {raiders} robbed our shipment to {to} of {what}, worth {loot} gold.',
    'Word came that pirates of {raiders} took {what} from our shipment to {to}: {loot} gold lost.',
    'Our shipment to {to} was robbed by pirates of {raiders}: {what}, worth {loot} gold, gone.',
  ],
};
