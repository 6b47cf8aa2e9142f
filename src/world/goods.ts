/**
 * What moves along the trade routes. Each town declares the goods it makes (towns/<id>/); the world
 * gathers them. Stocks are kept in each good's natural unit (lbs, sacks, bolts); shipments count
 * crates, which is what the seeds call cargo items.
 */
export interface GoodsDef {
  /** The unit a stock is counted in ("lbs"). */
  unit: string;
  /** How much of it fills one crate. */
  perCrate: number;
  /** Gold one crate sells for. */
  price: number;
}

export type Goods = string;
export type Stock = Record<Goods, number>;

/** Natural units in a number of crates; goods are weighed to the ten-thousandth. */
export function unitsOf(def: GoodsDef, crates: number): number {
  return Math.round(crates * def.perCrate * 10000) / 10000;
}

/** "3 crates of grain (150 lbs)". */
export function describeCargo(goods: Goods, def: GoodsDef, crates: number): string {
  return `${crates} ${crates === 1 ? 'crate' : 'crates'} of ${goods} (${unitsOf(def, crates)} ${def.unit})`;
}
