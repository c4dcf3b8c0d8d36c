import { diffArrays } from 'diff';
import { foldArabicScript } from './arabic';
import type { MatchToken } from './normalize';
import { wordSegmenter } from './segment';
import type { DiffPart } from './types';

/**
 * Word-level diff of two versions of a claim. Words come from Intl.Segmenter (the default
 * `diffWords` splits Arabic into letters, which is wrong and slow), each carrying the spaces and
 * punctuation after it, and compare folded: «أكد» and «اكد», or a word with and without harakat,
 * are the same word.
 */

interface Unit {
  text: string;
  /** Folded word, or '' for leading punctuation. */
  key: string;
}

/** Beyond this many edits two claims are not versions of each other; the diff gives up. */
const MAX_EDIT_LENGTH = 2000;

function units(text: string, language: string): Unit[] {
  const out: Unit[] = [];
  let current: Unit | null = null;
  for (const segment of wordSegmenter(language).segment(text)) {
    if (segment.isWordLike) {
      const folded = foldArabicScript(segment.segment.toLowerCase());
      if (folded !== '') {
        if (current) out.push(current);
        current = { text: segment.segment, key: folded };
        continue;
      }
    }
    if (current) current.text += segment.segment;
    else current = { text: segment.segment, key: '' };
  }
  if (current) out.push(current);
  return out;
}

/**
 * Units of a claim from the words already found when it was parsed, so comparing two long reports
 * does not run the segmenter over every linked claim a second time.
 */
function unitsFromTokens(text: string, start: number, end: number, tokens: readonly MatchToken[]): Unit[] {
  const out: Unit[] = [];
  if (tokens.length === 0) return [{ text: text.slice(start, end), key: '' }];
  if (tokens[0]!.start > start) out.push({ text: text.slice(start, tokens[0]!.start), key: '' });
  tokens.forEach((token, i) => {
    const next = i + 1 < tokens.length ? tokens[i + 1]!.start : end;
    out.push({ text: text.slice(token.start, next), key: token.folded });
  });
  return out;
}

export function diffClaimWords(a: string, b: string, language: string): DiffPart[] {
  return diffUnits(a, b, units(a, language), units(b, language), MAX_EDIT_LENGTH);
}

/** A claim's units by its tokens, built once however many links read it. */
const unitsByTokens = new WeakMap<readonly MatchToken[], { text: string; start: number; end: number; units: Unit[] }>();

function claimUnits(claim: TokenizedClaim): Unit[] {
  const known = unitsByTokens.get(claim.tokens);
  if (known !== undefined && known.text === claim.text && known.start === claim.start && known.end === claim.end) return known.units;
  const units = unitsFromTokens(claim.text, claim.start, claim.end, claim.tokens);
  unitsByTokens.set(claim.tokens, { text: claim.text, start: claim.start, end: claim.end, units });
  return units;
}

/** A lower bound of the edits between two runs of units: the words of each that the other lacks. */
function editsAtLeast(a: readonly Unit[], b: readonly Unit[]): number {
  const counts = new Map<string, number>();
  for (const unit of a) counts.set(unit.key, (counts.get(unit.key) ?? 0) + 1);
  let unmatched = 0;
  for (const unit of b) {
    const left = counts.get(unit.key) ?? 0;
    if (left > 0) counts.set(unit.key, left - 1);
    else unmatched++;
  }
  return unmatched + (a.length - (b.length - unmatched));
}

export interface TokenizedClaim {
  text: string;
  start: number;
  end: number;
  tokens: readonly MatchToken[];
}

/**
 * `diffClaimWords` for two parsed claims, from their tokens. Gives up (returns null) past
 * `maxEdits`: claims that far apart have no word-level story to tell.
 */
export function diffParsedClaims(a: TokenizedClaim, b: TokenizedClaim, maxEdits: number): DiffPart[] | null {
  const before = claimUnits(a);
  const after = claimUnits(b);
  // Common ends are cut before diffing: the diff's cost grows with the length it has to search.
  let head = 0;
  while (head < before.length && head < after.length && before[head]!.key === after[head]!.key) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail]!.key === after[after.length - 1 - tail]!.key
  ) {
    tail++;
  }
  const removed = before.slice(head, before.length - tail);
  const added = after.slice(head, after.length - tail);
  // Each word one side has and the other lacks is an edit: past the limit the diff would give up anyway.
  if (editsAtLeast(removed, added) > maxEdits) return null;
  const middle = diffArrays(removed, added, {
    comparator: (x, y) => x.key === y.key,
    maxEditLength: maxEdits,
  });
  if (middle === undefined) return null;
  const equal = (units: Unit[]): Array<{ value: Unit[]; added: boolean; removed: boolean }> =>
    units.length === 0 ? [] : [{ value: units, added: false, removed: false }];
  return joinChanges([...equal(after.slice(0, head)), ...middle, ...equal(after.slice(after.length - tail))]);
}

function diffUnits(a: string, b: string, before: Unit[], after: Unit[], maxEdits: number): DiffPart[] {
  const changes = diffArrays(before, after, { comparator: (x, y) => x.key === y.key, maxEditLength: maxEdits });
  if (changes === undefined) {
    return [
      { op: 'removed', value: a },
      { op: 'added', value: b },
    ].filter((part) => part.value !== '') as DiffPart[];
  }
  return joinChanges(changes);
}

function joinChanges(changes: ReadonlyArray<{ value: Unit[]; added: boolean; removed: boolean }>): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const op: DiffPart['op'] = change.added ? 'added' : change.removed ? 'removed' : 'equal';
    const value = change.value.map((unit) => unit.text).join('');
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.value += value;
    else if (value !== '') parts.push({ op, value });
  }
  return parts;
}
