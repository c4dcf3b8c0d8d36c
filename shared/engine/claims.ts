import type { Claim, TextQuoteSelector } from './types';
import { splitClauses, splitSentences, type TextRange } from './segment';

/** W3C TextQuoteSelector context: enough to re-anchor a claim, short enough to survive edits nearby. */
const CONTEXT_CHARS = 32;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Context before/after a claim, never cutting a surrogate pair in half. */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  let prefixStart = Math.max(0, start - CONTEXT_CHARS);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_CHARS);
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd--;
  return { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) };
}

export function claimId(reportId: string, start: number, end: number): string {
  return `${reportId}:${start}-${end}`;
}

/** A claim and the sentence it was cut from (equal ranges when the sentence is one claim). */
export interface ClaimUnit {
  claim: TextRange;
  sentence: TextRange;
}

/** Too short to be checkable on its own: «(شاهد)», "Watch:". */
function hasTwoWords(text: string, range: TextRange): boolean {
  return /\S+\s+\S+/.test(text.slice(range.start, range.end));
}

/** Claim ranges of one paragraph: its sentences, and the clauses of sentences that state several facts. */
export function claimUnits(text: string, paragraph: TextRange): ClaimUnit[] {
  const units: ClaimUnit[] = [];
  for (const sentence of splitSentences(text, paragraph)) {
    for (const clause of splitClauses(text, sentence)) {
      if (hasTwoWords(text, clause)) units.push({ claim: clause, sentence });
    }
  }
  return units;
}

export function makeClaim(text: string, reportId: string, range: TextRange, section: string | null): Claim {
  return {
    id: claimId(reportId, range.start, range.end),
    reportId,
    text: text.slice(range.start, range.end),
    start: range.start,
    end: range.end,
    section,
    selector: quoteSelector(text, range.start, range.end),
  };
}
