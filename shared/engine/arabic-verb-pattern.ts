/**
 * One pattern for the forms of Arabic verbs and nouns in a lexicon: each stem with an optional
 * prefix of the imperfect (ي ت ن ا), itself after the future's «س» («ستغلق»), and an optional
 * suffix of person, number or pronoun, matched against a word folded and without its attached
 * particles and article.
 */
const PREFIX = '(?:س?(?:ي|ت|ن|ا))?';
const SUFFIX = '(?:ت|وا|ون|ين|ن|ه|ها|هم|ا|ات)?';

export function arabicForms(...stems: string[]): RegExp {
  return new RegExp(`^(?:${stems.map((s) => `${PREFIX}${s}${SUFFIX}`).join('|')})$`);
}
