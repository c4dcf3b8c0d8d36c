import { normalizeForSearch, tokenizeForMatch, WordNormalizer } from '../../../shared/engine';

/** A span of a claim's text that a search matched, for highlighting. */
export interface SearchHit {
  start: number;
  end: number;
}

const PROCLITIC = /^(?:وال|فال|بال|كال|لل|ال|و|ف|ب|ل|ك)(?=.{2,})/;

/**
 * The forms a word can be found by: as written (folded), without its attached particles and
 * article, and without one more leading letter, since a clitic can drop the article's alef
 * («لسجن» is ل + سجن): so «السجن» finds «لسجن», «والسجن» and «بالسجن».
 */
function forms(folded: string, bare: string): string[] {
  const out = new Set([folded, bare, folded.replace(PROCLITIC, ''), bare.replace(PROCLITIC, '')]);
  return [...out].filter((f) => f.length > 0);
}

export interface SearchQuery {
  /** The query as typed, folded as the engine folds (for a phrase found as is). */
  phrase: string;
  /** Each word's forms. */
  words: string[][];
}

export function parseQuery(query: string, normalizer = new WordNormalizer()): SearchQuery | null {
  const phrase = normalizeForSearch(query);
  if (phrase === '') return null;
  const words = tokenizeForMatch(query, 'und', normalizer).map((token) => forms(token.folded, token.bare));
  return { phrase, words };
}

/**
 * Where a claim matches a search, or null when it does not: the whole phrase as the engine folds
 * it, or else every word of the query at the start of some word of the claim (clitics aside).
 */
export function matchClaim(text: string, query: SearchQuery, normalizer = new WordNormalizer()): SearchHit[] | null {
  const tokens = tokenizeForMatch(text, 'und', normalizer);
  const hits: SearchHit[] = [];
  const found = query.words.map(() => false);
  for (const token of tokens) {
    const tokenForms = forms(token.folded, token.bare);
    query.words.forEach((wordForms, i) => {
      if (wordForms.some((w) => tokenForms.some((f) => f.startsWith(w) && (w.length >= 2 || f === w)))) {
        found[i] = true;
        hits.push({ start: token.start, end: token.end });
      }
    });
  }
  if (query.words.length > 0 && found.every(Boolean)) return dedupe(hits);
  return normalizeForSearch(text).includes(query.phrase) ? [] : null;
}

function dedupe(hits: SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(`${h.start}:${h.end}`) && seen.add(`${h.start}:${h.end}`)).sort((x, y) => x.start - y.start);
}
