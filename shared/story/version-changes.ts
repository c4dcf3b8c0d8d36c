import { diffClaimWords } from '../engine';
import type { Claim, ClaimMatch, DiffPart, ParsedReport } from '../engine/types';
import type { VersionChangeKind } from '../model/story-events';

/** One claim of an updated version against the previous version, or a claim the update dropped. */
export interface VersionPairing {
  change: VersionChangeKind;
  /** In the new version; null when removed. */
  claim: Claim | null;
  /** In the previous version; null when added. */
  previous: Claim | null;
  /** The engine's link between the two versions of an edited claim, with its named differences. */
  match: ClaimMatch | null;
}

/** Share of the two versions' words they have in common (0..1), from the word diff. */
export function wordOverlap(parts: readonly DiffPart[]): number {
  const words = (value: string) => value.split(/\s+/u).filter((w) => w !== '').length;
  let same = 0;
  let total = 0;
  for (const part of parts) {
    const n = words(part.value);
    total += part.op === 'equal' ? 2 * n : n;
    if (part.op === 'equal') same += 2 * n;
  }
  return total === 0 ? 0 : same / total;
}

/** Two claims the engine linked are one claim reworded when at least this share of words stays. */
const LINKED_OVERLAP = 0.3;
/** Without the engine's link, a rewording has to keep most of its words. */
const UNLINKED_OVERLAP = 0.5;
/** Word-diffing every leftover old claim against every leftover new one stops being cheap past this. */
const MAX_FREE_PAIRS = 40_000;

/**
 * Pairs each claim of an updated version with the claim it was in the previous version: first the
 * claims whose words are unchanged, then edited ones (the engine's links between the versions, and
 * claims that keep most of their words), one to one, closest first. What is left is added or
 * removed. `matches` are the engine's matches between the versions, `a` in the previous one.
 */
export function pairVersions(previous: ParsedReport, updated: ParsedReport, matches: readonly ClaimMatch[]): VersionPairing[] {
  const language = updated.report.language;
  const byText = new Map<string, Claim[]>();
  for (const claim of previous.claims) byText.set(claim.text.trim(), [...(byText.get(claim.text.trim()) ?? []), claim]);

  const pairedOld = new Map<string, VersionPairing>();
  const pairedNew = new Map<string, VersionPairing>();
  const pair = (entry: VersionPairing) => {
    pairedOld.set(entry.previous!.id, entry);
    pairedNew.set(entry.claim!.id, entry);
  };
  for (const claim of updated.claims) {
    const same = byText.get(claim.text.trim())?.find((old) => !pairedOld.has(old.id));
    if (same) pair({ change: 'unchanged', claim, previous: same, match: null });
  }

  const oldById = new Map(previous.claims.map((c) => [c.id, c]));
  const newById = new Map(updated.claims.map((c) => [c.id, c]));
  const candidates: { previous: Claim; claim: Claim; overlap: number; match: ClaimMatch | null }[] = [];
  const seen = new Set<string>();
  for (const match of matches) {
    const old = oldById.get(match.a);
    const claim = newById.get(match.b);
    if (!old || !claim || pairedOld.has(old.id) || pairedNew.has(claim.id)) continue;
    const overlap = wordOverlap(diffClaimWords(old.text, claim.text, language));
    seen.add(`${old.id}|${claim.id}`);
    if (overlap >= LINKED_OVERLAP) candidates.push({ previous: old, claim, overlap: overlap + match.score, match });
  }
  const leftOld = previous.claims.filter((c) => !pairedOld.has(c.id));
  const leftNew = updated.claims.filter((c) => !pairedNew.has(c.id));
  if (leftOld.length * leftNew.length <= MAX_FREE_PAIRS) {
    for (const old of leftOld) {
      for (const claim of leftNew) {
        if (seen.has(`${old.id}|${claim.id}`)) continue;
        const overlap = wordOverlap(diffClaimWords(old.text, claim.text, language));
        if (overlap >= UNLINKED_OVERLAP) candidates.push({ previous: old, claim, overlap, match: null });
      }
    }
  }
  candidates.sort((x, y) => y.overlap - x.overlap);
  for (const { previous: old, claim, match } of candidates) {
    if (pairedOld.has(old.id) || pairedNew.has(claim.id)) continue;
    pair({ change: 'edited', claim, previous: old, match });
  }

  const result: VersionPairing[] = updated.claims.map((claim) => pairedNew.get(claim.id) ?? { change: 'added', claim, previous: null, match: null });
  for (const old of previous.claims) if (!pairedOld.has(old.id)) result.push({ change: 'removed', claim: null, previous: old, match: null });
  return result;
}
