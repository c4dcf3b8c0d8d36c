import { diffArrays } from 'diff';
import type { MatchToken } from './normalize';
import type { ClaimAnalysis } from './parse-report';

/**
 * Two versions of a claim lined up word by word, as runs of words one version changed (hunks).
 * The diff is jsdiff's, over the claims' light stems, with an entity's names as one word.
 */

export interface AuditVersion {
  analysis: ClaimAnalysis;
  /** The report's full text: tokens and mentions carry offsets into it. */
  text: string;
}

/** Past this many changed words, two claims are rewritten rather than edited: the diff tells nothing. */
const MAX_EDITS = 40;
/**
 * Past this many words that only one version has, the versions are told differently rather than
 * edited; the runs of such a pair name nothing the frames have not (measured on the gold set).
 */
const MAX_UNMATCHED = 30;

export interface Hunk {
  a: MatchToken[];
  b: MatchToken[];
  /** Indices of the first token of each run in its claim (the insertion point when a run is empty). */
  aFrom: number;
  bFrom: number;
}

/**
 * Words as the diff compares them: a word and its inflections or attached particles are one, and
 * so are all the names of one entity («الولايات المتحدة» / «أمريكا»), which count as one word.
 */
interface Unit {
  key: string;
  first: number;
  count: number;
}

/** A claim's units, read once however many links it has. */
const UNITS = new WeakMap<ClaimAnalysis, Unit[]>();

function unitsOf(version: AuditVersion): Unit[] {
  let units = UNITS.get(version.analysis);
  if (units === undefined) {
    units = readUnits(version);
    UNITS.set(version.analysis, units);
  }
  return units;
}

function readUnits(version: AuditVersion): Unit[] {
  const tokens = version.analysis.tokens;
  const entities = version.analysis.features.entities;
  const units: Unit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const entity = entities.find((e) => token.end > e.start && token.start < e.end);
    const last = units[units.length - 1];
    if (entity !== undefined && last !== undefined && last.key === entity.entity && tokens[last.first]!.start >= entity.start) {
      last.count++;
      continue;
    }
    units.push({ key: entity?.entity ?? (token.stem || token.folded), first: i, count: 1 });
  }
  return units;
}

/** A lower bound of the edits between two word sequences: the words of each the other lacks. */
function editsAtLeast(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const key of a) counts.set(key, (counts.get(key) ?? 0) + 1);
  let unmatched = 0;
  for (const key of b) {
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else unmatched++;
  }
  return unmatched + (a.length - (b.length - unmatched));
}

export function hunksOf(a: AuditVersion, b: AuditVersion): Hunk[] | null {
  const unitsA = unitsOf(a);
  const unitsB = unitsOf(b);
  // Common ends are cut before diffing: the diff's cost grows with the length it has to search.
  let head = 0;
  while (head < unitsA.length && head < unitsB.length && unitsA[head]!.key === unitsB[head]!.key) head++;
  let tail = 0;
  while (tail < unitsA.length - head && tail < unitsB.length - head && unitsA[unitsA.length - 1 - tail]!.key === unitsB[unitsB.length - 1 - tail]!.key) tail++;
  if (head === unitsA.length && head === unitsB.length) return [];
  const keysA = unitsA.slice(head, unitsA.length - tail).map((u) => u.key);
  const keysB = unitsB.slice(head, unitsB.length - tail).map((u) => u.key);
  // Words one side has and the other lacks must each be edited: past a limit, no diff is tried.
  if (editsAtLeast(keysA, keysB) > MAX_UNMATCHED) return null;
  const middle = diffArrays(keysA, keysB, { maxEditLength: MAX_EDITS });
  if (middle === undefined) return null;
  const changes = [{ count: head, value: [], added: false, removed: false }, ...middle];
  const tokensOf = (version: AuditVersion, units: Unit[], from: number, count: number): MatchToken[] =>
    units.slice(from, from + count).flatMap((u) => version.analysis.tokens.slice(u.first, u.first + u.count));
  const firstToken = (version: AuditVersion, units: Unit[], at: number): number => units[at]?.first ?? version.analysis.tokens.length;
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      if (open) hunks.push(open);
      open = null;
      i += count;
      j += count;
      continue;
    }
    open ??= { a: [], b: [], aFrom: firstToken(a, unitsA, i), bFrom: firstToken(b, unitsB, j) };
    if (change.removed) {
      open.a.push(...tokensOf(a, unitsA, i, count));
      i += count;
    } else {
      open.b.push(...tokensOf(b, unitsB, j, count));
      j += count;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}
