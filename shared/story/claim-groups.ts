import type { MatchRelation } from '../engine/types';

/** A link between two claims, as the story has it (the engine's, with the editors' word applied). */
export interface GroupableLink {
  a: string;
  b: string;
  relation: MatchRelation;
  score: number;
}

/**
 * The claims, across every report of the story, that state the same fact; and how the group
 * stands to others (`related`, `contradicts`). Every claim is in exactly one group.
 */
export interface ClaimGroup {
  /** The id of its first claim, in the order the claims were given: stable while the texts are. */
  id: string;
  claims: string[];
  links: { group: string; relation: 'related' | 'contradicts' }[];
}

/**
 * Groups claims over all reports at once: `same` links join claims into groups, strongest first,
 * except where the join would put two claims that contradict each other in one group (then the
 * weaker `same` link is left out, so the groups stay consistent). `related` and `contradicts`
 * links become links between groups; where two groups are both, they contradict.
 */
export function groupClaims(claimIds: readonly string[], links: readonly GroupableLink[]): ClaimGroup[] {
  const index = new Map(claimIds.map((id, i) => [id, i]));
  const parent = claimIds.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const members = new Map<number, number[]>(claimIds.map((_, i) => [i, [i]]));
  // For each claim, the claims it contradicts: a group never holds both ends.
  const against = new Map<number, Set<number>>();
  for (const link of links) {
    if (link.relation !== 'contradicts') continue;
    const [a, b] = [index.get(link.a), index.get(link.b)];
    if (a === undefined || b === undefined) continue;
    (against.get(a) ?? against.set(a, new Set()).get(a)!).add(b);
    (against.get(b) ?? against.set(b, new Set()).get(b)!).add(a);
  }
  const clash = (x: number, y: number): boolean => {
    const [small, large] = members.get(x)!.length <= members.get(y)!.length ? [x, y] : [y, x];
    for (const claim of members.get(small)!) {
      for (const other of against.get(claim) ?? []) if (find(other) === large) return true;
    }
    return false;
  };
  for (const link of [...links].filter((l) => l.relation === 'same').sort((x, y) => y.score - x.score)) {
    const [a, b] = [index.get(link.a), index.get(link.b)];
    if (a === undefined || b === undefined) continue;
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb || clash(ra, rb)) continue;
    const [keep, join] = members.get(ra)!.length >= members.get(rb)!.length ? [ra, rb] : [rb, ra];
    parent[join] = keep;
    members.get(keep)!.push(...members.get(join)!);
    members.delete(join);
  }

  const groupOf = (claim: number) => claimIds[Math.min(...members.get(find(claim))!)]!;
  const between = new Map<string, Map<string, 'related' | 'contradicts'>>();
  for (const link of links) {
    if (link.relation === 'same') continue;
    const [a, b] = [index.get(link.a), index.get(link.b)];
    if (a === undefined || b === undefined) continue;
    const [ga, gb] = [groupOf(a), groupOf(b)];
    if (ga === gb) continue;
    for (const [from, to] of [
      [ga, gb],
      [gb, ga],
    ] as const) {
      const known = between.get(from) ?? between.set(from, new Map()).get(from)!;
      if (known.get(to) !== 'contradicts') known.set(to, link.relation);
    }
  }
  const groups: ClaimGroup[] = [];
  for (const list of members.values()) {
    const claims = [...list].sort((x, y) => x - y).map((i) => claimIds[i]!);
    const id = claims[0]!;
    groups.push({ id, claims, links: [...(between.get(id) ?? [])].map(([group, relation]) => ({ group, relation })) });
  }
  return groups.sort((x, y) => index.get(x.id)! - index.get(y.id)!);
}
