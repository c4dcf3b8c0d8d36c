import { claimId, makeClaim } from '../engine/claims';
import type { Claim, ParsedReport } from '../engine/types';
import type { ClaimEdit } from '../model/state';
import type { ClaimEditKind } from '../model/story-events';

/** Who made a claim that is not the engine's, how, and from which claims. */
export interface ClaimOrigin {
  kind: ClaimEditKind;
  editor: string;
  at: string;
  /** The claims it replaced (none for a drawn claim). */
  from: string[];
}

/** A span of text with its start and end offsets (UTF-16 code units). */
export interface TextSpan {
  start: number;
  end: number;
}

export function claimSpan(id: string): TextSpan | null {
  const match = /:(\d+)-(\d+)$/.exec(id);
  return match ? { start: Number(match[1]), end: Number(match[2]) } : null;
}

const overlaps = (a: TextSpan, b: TextSpan) => a.start < b.end && b.start < a.end;

/** The nearest heading above a span, as the engine gives its claims. */
function sectionAt(parsed: ParsedReport, start: number): string | null {
  let section: string | null = null;
  for (const block of parsed.blocks) {
    if (block.start > start) break;
    if (block.kind === 'heading') section = parsed.report.text.slice(block.start, block.end);
  }
  return section;
}

/**
 * The report's claims with every editor's correction laid over the engine's, in the order they were
 * made: each removes the claims it names and any claim its spans overlap, and adds its own. The
 * engine's claims are computed again from the text each time; the corrections always win.
 */
export function applyClaimEdits(parsed: ParsedReport, edits: readonly ClaimEdit[]): { parsed: ParsedReport; origins: Map<string, ClaimOrigin> } {
  const origins = new Map<string, ClaimOrigin>();
  if (edits.length === 0) return { parsed, origins };
  const { text, id: reportId } = parsed.report;
  let claims: Claim[] = [...parsed.claims];
  for (const edit of edits) {
    const spans = edit.claims.filter((s) => s.end <= text.length);
    const removed = new Set(edit.removed);
    claims = claims.filter((claim) => !removed.has(claim.id) && !spans.some((s) => overlaps(s, claim)));
    for (const id of removed) origins.delete(id);
    for (const span of spans) {
      claims.push(makeClaim(text, reportId, span, sectionAt(parsed, span.start)));
      origins.set(claimId(reportId, span.start, span.end), { kind: edit.kind, editor: edit.editor, at: edit.at, from: edit.removed });
    }
  }
  claims.sort((x, y) => x.start - y.start);
  // A new object: the engine analyses claims it did not make from their spans (claimAnalyses).
  return { parsed: { ...parsed, claims }, origins };
}

/** Where each claim an editor replaced went: the claims its split, merge or move made of it. */
export function replacedClaims(edits: readonly ClaimEdit[]): Map<string, { into: string[]; kind: ClaimEditKind; editor: string; at: string }> {
  const out = new Map<string, { into: string[]; kind: ClaimEditKind; editor: string; at: string }>();
  for (const edit of edits) {
    const into = edit.claims.map((s) => claimId(edit.reportId, s.start, s.end));
    for (const from of edit.removed) out.set(from, { into, kind: edit.kind, editor: edit.editor, at: edit.at });
  }
  return out;
}

/** A span with the white space at its ends left out, so a claim starts and ends on words. */
export function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Who made each claim that is not the engine's, from the corrections alone (each names the claims it replaces). */
export function claimOrigins(edits: readonly ClaimEdit[]): Map<string, ClaimOrigin> {
  const origins = new Map<string, ClaimOrigin>();
  for (const edit of edits) {
    for (const id of edit.removed) origins.delete(id);
    for (const span of edit.claims) origins.set(claimId(edit.reportId, span.start, span.end), { kind: edit.kind, editor: edit.editor, at: edit.at, from: edit.removed });
  }
  return origins;
}

/** "split by Desk editor at … from r:0-40", for an export's cell. */
export function describeOrigin(origin: ClaimOrigin): string {
  const verb = { split: 'split', merged: 'merged', drawn: 'drawn', resized: 'boundaries moved' }[origin.kind];
  return `${verb} by ${origin.editor} at ${origin.at}${origin.from.length > 0 ? ` from ${origin.from.join(' and ')}` : ' from the text'}`;
}
