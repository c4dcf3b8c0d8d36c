import { compareReportTexts } from './index';
import type { Comparison } from './types';

/**
 * Two texts compared as pasted reports (no publication date), in the language of their script:
 * how the tests put a pair of sentences to the engine.
 */
export function comparePair(a: string, b: string): Comparison {
  const language = /[a-z]/i.test(a) ? 'en' : 'ar';
  return compareReportTexts(
    { id: 'a', outlet: 'a', title: '', text: a, publishedAt: null, language },
    { id: 'b', outlet: 'b', title: '', text: b, publishedAt: null, language },
  );
}
