import type { GoldCase, GoldDifference, GoldPair, Phenomenon } from './gold';
import { PHENOMENA } from './gold';
import { normalizeForSearch } from './normalize';
import type { Claim, ClaimMatch, Comparison, Difference } from './types';

/**
 * Scores the engine's comparison of a gold case against what an editor expects: `same` precision
 * and recall, contradictions surfaced and hidden, required and false differences, boilerplate in
 * claims, and each phenomenon's precision and recall.
 */

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/**
 * Per phenomenon: pairs judged right out of pairs tagged (recall), and of what the engine asserted
 * about them (its verdict on each pair, and each difference it named), how much was right (precision).
 */
export interface PhenomenonCounts {
  pairs: number;
  right: number;
  asserted: number;
  assertedRight: number;
}

export interface GoldResult {
  name: string;
  split: GoldCase['split'];
  same: Counts;
  links: Counts;
  /** Contradictions expected, surfaced and hidden; and the links called `contradicts`, and how many of those are wrong. */
  contradictions: { expected: number; surfaced: number; hidden: number; called: number; wronglyCalled: number };
  requiredDifferences: { expected: number; found: number };
  /** Non-wording differences named on gold pairs, and how many of them no gold entry explains. */
  namedDifferences: { named: number; false: number };
  boilerplateLeaks: number;
  phenomena: Partial<Record<Phenomenon, PhenomenonCounts>>;
  failures: string[];
}

function claimsWith(claims: readonly Claim[], substring: string): Claim[] {
  const needle = normalizeForSearch(substring);
  return claims.filter((c) => normalizeForSearch(c.text).includes(needle));
}

function contains(haystack: string, needle: string | undefined): boolean {
  return needle === undefined || normalizeForSearch(haystack).includes(normalizeForSearch(needle));
}

function explains(required: GoldDifference, d: Difference): boolean {
  return d.kind === required.kind && contains(d.a, required.a) && contains(d.b, required.b);
}

/** Whether the relation the engine gave (`null`: no link) is what the pair expects. */
function relationRight(pair: GoldPair, got: ClaimMatch | undefined, requiredFound: boolean): boolean {
  const relation = got?.relation ?? null;
  switch (pair.expect) {
    case 'same':
    case 'related':
      return relation === pair.expect;
    case 'contradicts':
      // Surfaced: called a contradiction, or linked with the difference that flips it named.
      return relation === 'contradicts' || (relation !== null && pair.require.length > 0 && requiredFound);
    case 'linked':
      return relation !== null;
    case 'not-same':
      return relation !== 'same';
    case 'none':
      return relation === null;
  }
}

function emptyResult(gold: GoldCase): GoldResult {
  return {
    name: gold.name,
    split: gold.split,
    same: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    links: { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    contradictions: { expected: 0, surfaced: 0, hidden: 0, called: 0, wronglyCalled: 0 },
    requiredDifferences: { expected: 0, found: 0 },
    namedDifferences: { named: 0, false: 0 },
    boilerplateLeaks: 0,
    phenomena: {},
    failures: [],
  };
}

/** Scores one case's comparison against its gold. */
export function scoreGoldCase(gold: GoldCase, comparison: Comparison): GoldResult {
  const { a, b, matches } = comparison;
  const result = emptyResult(gold);
  const byPair = new Map(matches.map((m) => [`${m.a}|${m.b}`, m]));
  const judged = new Set<string>();

  for (const pair of gold.pairs) {
    const label = `${gold.name}: «${pair.a}» ~ «${pair.b}»`;
    const left = claimsWith(a.claims, pair.a);
    const right = claimsWith(b.claims, pair.b);
    for (const x of left) for (const y of right) judged.add(`${x.id}|${y.id}`);
    const found = left.flatMap((x) => right.map((y) => byPair.get(`${x.id}|${y.id}`))).filter((m): m is ClaimMatch => m !== undefined);
    // Several claims may contain the substring after a split change: the link that fits best counts.
    const match = found.find((m) => m.relation === pair.expect) ?? found.find((m) => m.relation === 'same') ?? found[0];
    if (left.length === 0 || right.length === 0) result.failures.push(`${label}: no claim contains «${left.length === 0 ? pair.a : pair.b}»`);

    const named = (match?.differences ?? []).filter((d) => d.kind !== 'wording');
    const missing = pair.require.filter((r) => !(match?.differences ?? []).some((d) => explains(r, d)));
    const falseOnes = named.filter((d) => !pair.require.some((r) => explains(r, d)) || pair.forbid.includes(d.kind));
    const linkedPair = pair.expect !== 'none' && pair.expect !== 'not-same';
    const ok = relationRight(pair, match, missing.length === 0);
    const got = match?.relation ?? 'none';

    if (pair.expect === 'same' && got === 'same') result.same.truePositives++;
    if (pair.expect === 'same' && got !== 'same') result.same.falseNegatives++;
    if (pair.expect !== 'same' && pair.expect !== 'linked' && got === 'same') result.same.falsePositives++;
    if (linkedPair && match) result.links.truePositives++;
    if (linkedPair && !match) result.links.falseNegatives++;
    if (pair.expect === 'none' && match) result.links.falsePositives++;
    if (pair.expect === 'contradicts') {
      result.contradictions.expected++;
      if (ok) result.contradictions.surfaced++;
      else if (got === 'same' || got === 'related') result.contradictions.hidden++;
    }
    if (got === 'contradicts') {
      result.contradictions.called++;
      if (pair.expect === 'same' || pair.expect === 'related' || pair.expect === 'none') result.contradictions.wronglyCalled++;
    }
    if (!ok) result.failures.push(`${label}: expected ${pair.expect}, got ${got}`);

    if (match && linkedPair) {
      result.requiredDifferences.expected += pair.require.length;
      result.requiredDifferences.found += pair.require.length - missing.length;
      result.namedDifferences.named += named.length;
      // Format 1 did not list every difference: only its forbidden kinds are false there.
      const counted = gold.differencesListed ? falseOnes : named.filter((d) => pair.forbid.includes(d.kind));
      result.namedDifferences.false += counted.length;
      for (const r of missing) result.failures.push(`${label}: missing ${r.kind} difference ${r.a ?? ''} / ${r.b ?? ''}`);
      for (const d of counted) result.failures.push(`${label}: false ${d.kind} difference (${d.a} / ${d.b})`);
    } else if (linkedPair) {
      result.requiredDifferences.expected += pair.require.length;
    }

    for (const phenomenon of pair.phenomena) {
      const counts = (result.phenomena[phenomenon] ??= { pairs: 0, right: 0, asserted: 0, assertedRight: 0 });
      counts.pairs++;
      if (ok && missing.length === 0) counts.right++;
      // What the engine asserted: its verdict on the pair (a link, or none) and each difference it named.
      counts.asserted += 1 + named.length;
      counts.assertedRight += (ok ? 1 : 0) + named.length - (gold.differencesListed ? falseOnes.length : 0);
    }
  }

  if (gold.exhaustive) {
    for (const m of matches) {
      if ((m.relation !== 'same' && m.relation !== 'contradicts') || judged.has(`${m.a}|${m.b}`)) continue;
      if (m.relation === 'same') result.same.falsePositives++;
      else {
        result.contradictions.called++;
        result.contradictions.wronglyCalled++;
      }
      const x = a.claims.find((c) => c.id === m.a)?.text ?? m.a;
      const y = b.claims.find((c) => c.id === m.b)?.text ?? m.b;
      result.failures.push(`${gold.name}: unexpected ${m.relation} «${x.slice(0, 60)}» ~ «${y.slice(0, 60)}»`);
    }
  }

  for (const [side, parsed] of [['a', a], ['b', b]] as const) {
    for (const text of gold.notClaims[side]) {
      const leak = claimsWith(parsed.claims, text)[0];
      if (!leak) continue;
      result.boilerplateLeaks++;
      result.failures.push(`${gold.name}: «${text}» is part of a claim of ${side}: «${leak.text.slice(0, 60)}»`);
    }
  }
  return result;
}

export interface Rate {
  numerator: number;
  denominator: number;
  value: number;
}

function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? 1 : numerator / denominator };
}

export interface GoldSummary {
  cases: number;
  pairs: number;
  samePrecision: Rate;
  sameRecall: Rate;
  linkPrecision: Rate;
  linkRecall: Rate;
  contradictionsSurfaced: Rate;
  /** Of the links called `contradicts` on judged pairs (and any, in cases whose links are all listed), the share that are. */
  contradictsPrecision: Rate;
  hiddenContradictions: number;
  requiredDifferencesFound: Rate;
  falseDifferences: Rate;
  boilerplateLeaks: number;
  phenomena: Array<{ phenomenon: Phenomenon; pairs: number; precision: Rate; recall: Rate }>;
  failures: string[];
}

function sum<T>(results: readonly GoldResult[], pick: (r: GoldResult) => T, add: (x: T, y: T) => T, zero: T): T {
  return results.reduce((acc, r) => add(acc, pick(r)), zero);
}

/** The headline figures over a set of cases. */
export function summarizeGold(results: readonly GoldResult[], pairs: number): GoldSummary {
  const counts = (pick: (r: GoldResult) => Counts): Counts =>
    sum(results, pick, (x, y) => ({ truePositives: x.truePositives + y.truePositives, falsePositives: x.falsePositives + y.falsePositives, falseNegatives: x.falseNegatives + y.falseNegatives }), { truePositives: 0, falsePositives: 0, falseNegatives: 0 });
  const same = counts((r) => r.same);
  const links = counts((r) => r.links);
  const total = (pick: (r: GoldResult) => number): number => results.reduce((n, r) => n + pick(r), 0);
  return {
    cases: results.length,
    pairs,
    samePrecision: rate(same.truePositives, same.truePositives + same.falsePositives),
    sameRecall: rate(same.truePositives, same.truePositives + same.falseNegatives),
    linkPrecision: rate(links.truePositives, links.truePositives + links.falsePositives),
    linkRecall: rate(links.truePositives, links.truePositives + links.falseNegatives),
    contradictionsSurfaced: rate(total((r) => r.contradictions.surfaced), total((r) => r.contradictions.expected)),
    contradictsPrecision: rate(total((r) => r.contradictions.called - r.contradictions.wronglyCalled), total((r) => r.contradictions.called)),
    hiddenContradictions: total((r) => r.contradictions.hidden),
    requiredDifferencesFound: rate(total((r) => r.requiredDifferences.found), total((r) => r.requiredDifferences.expected)),
    falseDifferences: rate(total((r) => r.namedDifferences.false), total((r) => r.namedDifferences.named)),
    boilerplateLeaks: total((r) => r.boilerplateLeaks),
    phenomena: PHENOMENA.flatMap((phenomenon) => {
      const tagged = results.map((r) => r.phenomena[phenomenon]).filter((c): c is PhenomenonCounts => c !== undefined);
      if (tagged.length === 0) return [];
      const t = (pick: (c: PhenomenonCounts) => number): number => tagged.reduce((n, c) => n + pick(c), 0);
      return [{ phenomenon, pairs: t((c) => c.pairs), precision: rate(t((c) => c.assertedRight), t((c) => c.asserted)), recall: rate(t((c) => c.right), t((c) => c.pairs)) }];
    }),
    failures: results.flatMap((r) => r.failures),
  };
}

/** The targets, each as a check of a summary: what the bench prints as met or MISSED. */
export const GOLD_TARGETS: ReadonlyArray<{ what: string; target: string; met: (s: GoldSummary) => boolean; value: (s: GoldSummary) => string }> = [
  { what: 'hidden contradictions', target: '= 0', met: (s) => s.hiddenContradictions === 0, value: (s) => String(s.hiddenContradictions) },
  { what: 'contradictions surfaced', target: '≥ 95%', met: (s) => s.contradictionsSurfaced.value >= 0.95, value: (s) => percent(s.contradictionsSurfaced) },
  // Not in the list: a made-up contradiction sends the editor after a fact nobody disputes.
  { what: '`contradicts` precision', target: '≥ 0.95', met: (s) => s.contradictsPrecision.value >= 0.95, value: (s) => fraction(s.contradictsPrecision) },
  { what: '`same` precision', target: '≥ 0.97', met: (s) => s.samePrecision.value >= 0.97, value: (s) => fraction(s.samePrecision) },
  { what: '`same` recall', target: '≥ 0.92', met: (s) => s.sameRecall.value >= 0.92, value: (s) => fraction(s.sameRecall) },
  { what: 'required differences found', target: '≥ 90%', met: (s) => s.requiredDifferencesFound.value >= 0.9, value: (s) => percent(s.requiredDifferencesFound) },
  { what: 'false differences', target: '≤ 5%', met: (s) => s.falseDifferences.value <= 0.05, value: (s) => percent(s.falseDifferences) },
  { what: 'boilerplate in claims', target: '= 0', met: (s) => s.boilerplateLeaks === 0, value: (s) => String(s.boilerplateLeaks) },
];

/** Per-phenomenon targets. */
export const PHENOMENON_TARGETS = { precision: 0.95, recall: 0.9 };

export function percent(r: Rate): string {
  return `${(r.value * 100).toFixed(1)}% (${r.numerator}/${r.denominator})`;
}

export function fraction(r: Rate): string {
  return `${r.value.toFixed(3)} (${r.numerator}/${r.denominator})`;
}
