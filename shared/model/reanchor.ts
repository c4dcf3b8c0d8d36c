import type { Claim, TextQuoteSelector } from '../engine/types';

/** Characters of prefix/suffix that agree, read outward from the quote. */
function agreement(text: string, start: number, end: number, selector: TextQuoteSelector): number {
  let score = 0;
  for (let i = 1; i <= selector.prefix.length && text[start - i] === selector.prefix[selector.prefix.length - i]; i++) score++;
  for (let i = 0; i < selector.suffix.length && text[end + i] === selector.suffix[i]; i++) score++;
  return score;
}

/**
 * Finds a quote in a (possibly updated) text: every place the exact words occur, the one whose
 * surroundings agree best with the recorded prefix and suffix. Null when the words are gone.
 */
export function locateQuote(text: string, selector: TextQuoteSelector): { start: number; end: number } | null {
  if (selector.exact === '') return null;
  let best: { start: number; end: number; score: number } | null = null;
  for (let at = text.indexOf(selector.exact); at !== -1; at = text.indexOf(selector.exact, at + 1)) {
    const end = at + selector.exact.length;
    const score = agreement(text, at, end, selector);
    if (!best || score > best.score) best = { start: at, end, score };
  }
  return best && { start: best.start, end: best.end };
}

/**
 * The claim of an updated report that carries an old claim's words: the claim overlapping the
 * relocated quote the most, provided it covers at least half of it.
 */
export function reanchorClaim(selector: TextQuoteSelector, text: string, claims: readonly Claim[]): Claim | null {
  const span = locateQuote(text, selector);
  if (!span) return null;
  let best: Claim | null = null;
  let bestOverlap = 0;
  for (const claim of claims) {
    const overlap = Math.min(claim.end, span.end) - Math.max(claim.start, span.start);
    if (overlap > bestOverlap) {
      best = claim;
      bestOverlap = overlap;
    }
  }
  return best && bestOverlap * 2 >= span.end - span.start ? best : null;
}
