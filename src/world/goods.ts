/**
 * What moves along the trade route. Stocks are kept in each good's natural unit (fish, lbs, tools);
 * shipments count crates, which is what the seeds call cargo items.
 */
export const GOODS = {
  fish: { unit: 'fish', perCrate: 50, price: 12 },
  grain: { unit: 'lbs', perCrate: 50, price: 15 },
  flour: { unit: 'lbs', perCrate: 40, price: 22 },
  spices: { unit: 'sacks', perCrate: 2, price: 60 },
  textiles: { unit: 'bolts', perCrate: 4, price: 40 },
  tools: { unit: 'tools', perCrate: 5, price: 45 },
  metal: { unit: 'lbs', perCrate: 0.005, price: 90 },
  trinkets: { unit: 'trinkets', perCrate: 12, price: 35 },
  rope: { unit: 'ropes', perCrate: 10, price: 18 },
  nets: { unit: 'nets', perCrate: 3, price: 24 },
} as const;

export type Goods = keyof typeof GOODS;
export type Stock = Partial<Record<Goods, number>>;

export const GOODS_NAMES = Object.keys(GOODS) as Goods[];

export function isGoods(x: unknown): x is Goods {
  return typeof x === 'string' && Object.hasOwn(GOODS, x);
}

/** Natural units in a number of crates; metal is weighed to the ten-thousandth of a pound. */
export function unitsOf(goods: Goods, crates: number): number {
  return Math.round(crates * GOODS[goods].perCrate * 10000) / 10000;
}

export function describe(goods: Goods, crates: number): string {
  const units = unitsOf(goods, crates);
  return `${crates} ${crates === 1 ? 'crate' : 'crates'} of ${goods} (${units} ${GOODS[goods].unit})`;
}
