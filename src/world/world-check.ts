/**
 * How towns fit together, checked when a World is made: routes and exports lead to towns that
 * exist, goods are made by someone, a key means one thing wherever it is declared, people work at their
 * town's places and have names of their own. Each problem names the town and the field.
 */
import { COMMON_KINDS } from './kinds.ts';
import type { AnyTownRules, MetricDef } from './town.ts';

export function worldProblems(towns: readonly AnyTownRules[]): string[] {
  const problems: string[] = [];
  const ids = new Set(towns.map((t) => t.id));
  const goods = new Set(towns.flatMap((t) => Object.keys(t.goods ?? {})));
  const people = new Set(towns.flatMap((t) => t.people.map((p) => p.name)));
  // A key two towns declare is one number of the world's history (two mining towns' ore): it must
  // mean the same in both. A flag's key must not also be a number's.
  const keyOwner = new Map<string, { where: string; metric?: MetricDef }>();
  for (const kind of COMMON_KINDS) {
    for (const m of kind.metrics ?? [])
      keyOwner.set(m.key, { where: `the common ${kind.kind} events`, metric: m });
    for (const f of kind.flags ?? []) keyOwner.set(f.key, { where: `the common ${kind.kind} events` });
  }
  const sameNumber = (a: MetricDef, b: MetricDef) =>
    a.unit === b.unit && a.decimals === b.decimals && a.measure === b.measure;
  const commonKinds = new Set(COMMON_KINDS.map((k) => k.kind));
  const names = new Set<string>();

  for (const town of towns) {
    const at = (field: string, message: string) => problems.push(`town ${town.id}: ${field}: ${message}`);
    (town.routes ?? []).forEach((r, i) => {
      if (!ids.has(r.to)) at(`routes[${i}].to`, `no town "${r.to}"`);
    });
    town.exports.forEach((e, i) => {
      if (!ids.has(e.to)) at(`exports[${i}].to`, `no town "${e.to}"`);
      if (!goods.has(e.goods)) at(`exports[${i}].goods`, `no town makes "${e.goods}"`);
    });
    for (const g of Object.keys(town.upkeep)) if (!goods.has(g)) at(`upkeep.${g}`, `no town makes "${g}"`);

    const slugs = new Set(town.places.map((p) => p.slug));
    town.people.forEach((p, i) => {
      if (names.has(p.name)) at(`people[${i}].name`, `"${p.name}" lives in another town too`);
      names.add(p.name);
      if (!slugs.has(p.workplace)) at(`people[${i}].workplace`, `"${p.workplace}" is not one of its places`);
      for (const [relation, who] of Object.entries(p.family ?? {}))
        if (!people.has(who)) at(`people[${i}].family.${relation}`, `"${who}" is no one in the world`);
    });

    const metrics = [
      ...town.kinds.map((k) => ({ k, list: k.metrics ?? [] })),
      { k: undefined, list: town.readings ?? [] },
    ];
    town.kinds.forEach((kind, i) => {
      if (commonKinds.has(kind.kind)) at(`kinds[${i}].kind`, `"${kind.kind}" is a kind every town emits`);
      const own = new Set([...(kind.metrics ?? []).map((m) => m.key), ...Object.keys(kind.fields ?? {})]);
      (kind.happenings ?? []).forEach((h, j) => {
        if (h.metric !== undefined && !own.has(h.metric) && !keyOwner.has(h.metric))
          at(`kinds[${i}].happenings[${j}].metric`, `"${h.metric}" is not a number its events carry`);
      });
      (kind.flags ?? []).forEach((f, j) => {
        const owner = keyOwner.get(f.key);
        if (owner?.metric) at(`kinds[${i}].flags[${j}].key`, `"${f.key}" is a number in ${owner.where}`);
        else if (!owner) keyOwner.set(f.key, { where: `${town.id}'s ${kind.kind} events` });
      });
    });
    for (const { k, list } of metrics) {
      list.forEach((m) => {
        const field = k ? `kinds[${town.kinds.indexOf(k)}].metrics.${m.key}` : `readings.${m.key}`;
        const owner = keyOwner.get(m.key);
        if (owner && !owner.metric) at(field, `"${m.key}" is a flag in ${owner.where}`);
        else if (owner?.metric && !sameNumber(owner.metric, m))
          at(
            field,
            `"${m.key}" is another number in ${owner.where} (${owner.metric.unit}, ${owner.metric.measure})`,
          );
        else if (!owner)
          keyOwner.set(m.key, { where: `${town.id}'s ${k ? `${k.kind} events` : 'sensors'}`, metric: m });
        if (m.range[0] > m.range[1]) at(`${field}.range`, 'min is above max');
      });
    }
  }
  return problems;
}
