/**
 * "Who keeps the forge?", "Who is the miller?", "Who are the fishers of Port Logic?": the people of
 * a role or a workplace, from the towns' own declarations of their people.
 */
import { capitalise, list } from '../format.ts';
import type { Question } from '../question.ts';
import { isSlipOf } from '../spelling.ts';
import type { Form, FormContext } from './shared.ts';

interface Holder {
  name: string;
  town: string;
  job: string;
  place: string;
}

/** The people whose role, job or workplace the question names. */
function holdersOf(q: Question, ctx: FormContext): Holder[] {
  const found: Holder[] = [];
  // The verb ("who keeps the forge") is not the role ("the tavern keeper"), nor is a town's
  // nickname unless it is the role itself ("the farms" are not the farmers; "the miners" are).
  const nicknames = new Set(
    ctx.vocab.towns.flatMap((town) =>
      [...q.text.matchAll(new RegExp(town.words.source, 'g'))].flatMap((m) => m[0].split(/\s+/)),
    ),
  );
  const roles = new Set(
    ctx.vocab.world.towns.flatMap((t) =>
      t.people.flatMap((p) => [...p.roles, p.job].flatMap((r) => [r, `${r}s`])),
    ),
  );
  // A nickname that is also a workplace ("the mine" of Circuiton) names the place once the town is named.
  const named =
    q.towns.length > 0 &&
    (/\bwho\b/.test(q.core) || q.towns.some((t) => q.text.includes(ctx.vocab.name(t).toLowerCase())));
  const places = new Set(
    ctx.vocab.world.towns.flatMap((t) => t.places.flatMap((p) => [p.kind, `${p.kind}s`])),
  );
  const words = new Set(
    (q.text.match(/[a-z]+/g) ?? []).filter(
      (w) =>
        !/^(keeps|runs|works|tends|owns|mans|is|are)$/.test(w) &&
        (!nicknames.has(w) || roles.has(w) || (named && places.has(w))),
    ),
  );
  const stem = (w: string) => w.replace(/(ers|er|es|ing|s)$/, '');
  const stems = new Set([...words].map(stem));
  for (const town of ctx.vocab.world.towns) {
    if (q.towns.length > 0 && !q.towns.includes(town.id)) continue;
    for (const person of town.people) {
      const place = town.places.find((p) => p.slug === person.workplace);
      const joined = q.text.replace(/[^a-z]/g, '');
      const named =
        [person.job, ...person.roles].some(
          (r) =>
            words.has(r) ||
            stems.has(stem(r)) ||
            (r.length >= 6 && joined.includes(r.replace(/\s+/g, ''))) ||
            [...words].some((w) => isSlipOf(w, r)),
        ) ||
        // What the person is known for ("who keeps the ship afloat": the bosun who keeps it afloat).
        (/^who\b/.test(q.core) && distinctive(person.persona).some((w) => words.has(w)));
      const atPlace =
        place !== undefined &&
        (stems.has(stem(place.kind)) ||
          place.name
            .toLowerCase()
            .split(/\W+/)
            .some((w) => w.length > 3 && words.has(w) && w !== 'the'));
      if (named || atPlace)
        found.push({ name: person.name, town: town.id, job: person.job, place: place?.name ?? '' });
    }
  }
  return found;
}

export const role: Form = {
  name: 'role',
  matches: (q, ctx) =>
    personAsked(q, ctx) !== undefined ||
    (/^who\b|\bwho (is|are|keeps|runs|works|tends|mans|owns|captains)\b|^(name|which people|what work|what job|what does)\b|\b(the )?names? of (the|their|our)\b|\bwhat is the name\b|\bwhat'?s the name\b|^(names?|list|roster)$|^list (the|all)\b/.test(
      q.core,
    ) &&
      !/\bwho (was|were|did|made|caught|mined|poured|brought|took)\b|\b(most|least|top|best|worst|largest|biggest|greatest|highest|lowest|smallest|fewest)\b/.test(
        q.text,
      ) &&
      holdersOf(q, ctx).length > 0),
  async answer(q, ctx) {
    const person = personAsked(q, ctx);
    if (person) return person;
    const holders = holdersOf(q, ctx);
    const byTown = new Map<string, Holder[]>();
    for (const h of holders) byTown.set(h.town, [...(byTown.get(h.town) ?? []), h]);
    const parts = [...byTown].map(
      ([town, people]) =>
        `in ${ctx.vocab.name(town)}, ${list(people.map((p) => `${p.name} (the ${p.job}${p.place ? `, at ${p.place}` : ''})`))}`,
    );
    return {
      answer: `${capitalise(parts.join('; '))}.`,
      citations: [],
      understood: { towns: [...byTown.keys()] },
    };
  },
};

/** A description's words that tell its person apart: long ones, not the everyday words of questions. */
function distinctive(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{6,}/g) ?? []).filter(
    (w) => !/^(knows|always|before|people|another|nothing|everything|whether)$/.test(w),
  );
}

/** "What does Lettie Barrow do?", "What is Garrick Stone's job?": the person's job and where. */
function personAsked(q: Question, ctx: FormContext) {
  if (
    !q.actor ||
    !/\b(work|job|do|does|role|occupation|trade|living|lives?|resident|home|(what|which) town)\b/.test(
      q.core,
    ) ||
    /\bhow (many|much)\b|\bdid\b/.test(q.core)
  )
    return undefined;
  for (const town of ctx.vocab.world.towns) {
    const person = town.people.find((p) => p.name === q.actor);
    if (!person) continue;
    const place = town.places.find((p) => p.slug === person.workplace);
    return {
      answer: `${person.name} is the ${person.job} of ${town.name}${place ? `, at ${place.name}` : ''} (${person.roles.join(', ')}).`,
      citations: [],
      understood: { towns: [town.id], actor: person.name },
    };
  }
  return undefined;
}
