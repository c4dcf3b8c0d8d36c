/**
 * Finds paragraphs that only repeat a claim made earlier in the same report, like a teaser
 * headline glued to a copy of the lead sentence («الولايات المتحدة ودول غربية تدعو … دعت كل من …»).
 * Counting such a paragraph as a claim would list one fact twice and give it two matches.
 */

/** Shorter claims repeat by chance ("the army said so"); only longer ones count as copies. */
const MIN_TERMS = 6;
/** Words a duplicate may add around the copied claim: a teaser headline, not new facts. */
const MAX_EXTRA_TERMS = 12;
/** Earlier claims kept per opening term; bounds the work on long, repetitive reports. */
const MAX_PER_KEY = 8;

export class DuplicateFinder {
  /** Earlier claims' term sequences by their first term. */
  private readonly byOpening = new Map<string, string[][]>();

  /** Whether the paragraph whose claims have these term sequences repeats an earlier claim. */
  isDuplicate(sequences: readonly string[][]): boolean {
    const terms = sequences.flat();
    for (let p = 0; p + MIN_TERMS <= terms.length; p++) {
      const candidates = this.byOpening.get(terms[p]!);
      if (candidates === undefined) continue;
      for (const earlier of candidates) {
        if (terms.length - earlier.length > MAX_EXTRA_TERMS || p + earlier.length > terms.length) continue;
        let same = true;
        for (let k = 1; k < earlier.length && same; k++) same = terms[p + k] === earlier[k];
        if (same) return true;
      }
    }
    return false;
  }

  add(sequences: readonly string[][]): void {
    for (const sequence of sequences) {
      if (sequence.length < MIN_TERMS) continue;
      const list = this.byOpening.get(sequence[0]!);
      if (list === undefined) this.byOpening.set(sequence[0]!, [sequence]);
      else if (list.length < MAX_PER_KEY) list.push(sequence);
    }
  }
}
