import { arabicForms } from './arabic-verb-pattern';
import { hasArabic } from './frame-lexicon';
import type { MatchToken } from './normalize';

/**
 * Words that news reports use for one another («رحب» / «أشاد», «تجمع» / «احتشد», "mediated" /
 * "brokered"), and the forms of one word that light stemming leaves apart («صادرت» / «مصادرة»,
 * «وصلن» / «وصول»). Each group is one term for matching, so two outlets' wordings of one fact meet;
 * the word diff still shows the words as written. Arabic patterns apply to a word without its
 * attached particles and article (`MatchToken.bare`), English ones to its light stem.
 */

interface SynonymGroup {
  term: string;
  arabic?: RegExp;
  english?: RegExp;
}

const ar = arabicForms;

const GROUPS: readonly SynonymGroup[] = [
  { term: '~welcome', arabic: ar('رحب', 'ترحيب', 'اشاد', 'اشاده', 'ثمن', 'تثمين'), english: /^(welcom|prais|hail|laud|commend)/ },
  { term: '~gather', arabic: ar('تجمع', 'تجمهر', 'احتشد', 'حتشد', 'احتشاد'), english: /^(gather|ralli|rally|crowd)/ },
  { term: '~mediate', arabic: ar('توسط', 'وساطه', 'وسيط'), english: /^(mediat|broker)/ },
  { term: '~confiscate', arabic: ar('صادر', 'مصادره'), english: /^(confiscat|impound)/ },
  { term: '~arrive', arabic: ar('وصل', 'وصول', 'وصلن'), english: /^(arriv|reach)/ },
  { term: '~food', arabic: /^(اغذيه|غذاء|غذاييه|غذايي|طعام|مواد غذاييه)$/, english: /^(food|foodstuff)$/ },
  { term: '~siege', arabic: ar('حاصر', 'حصار', 'محاصر', 'محاصره'), english: /^(besieg|siege|encircl)/ },
  { term: '~commit', arabic: ar('التزم', 'لتزم', 'التزام', 'ملتزم', 'ملتزمه'), english: /^(commit|pledg)/ },
  { term: '~protest', arabic: ar('تظاهر', 'تظاهره', 'تظاهرات', 'مظاهره', 'مظاهرات', 'احتجاج', 'احتجاجات', 'احتج', 'محتج', 'محتجين', 'متظاهر', 'متظاهرين'), english: /^(protest|demonstrat)/ },
  { term: '~truce', arabic: /^(هدنه|تهدييه)$/, english: /^(truce|ceasefir)/ },
  { term: '~talks', arabic: ar('مفاوضات', 'محادثات', 'مباحثات'), english: /^(talk|negotiat)/ },
  { term: '~deal', arabic: ar('اتفاق', 'اتفاقيه', 'صفقه'), english: /^(agreement|deal|accord)$/ },
  { term: '~quake', arabic: ar('زلزال', 'هزه'), english: /^(quak|earthquak|tremor)/ },
  { term: '~flood', arabic: ar('سيول', 'فيضان', 'فيضانات'), english: /^(flood)/ },
  { term: '~blast', arabic: ar('انفجار', 'انفجارات', 'تفجير', 'تفجيرات', 'انفجر', 'تفجر'), english: /^(blast|explos|explod|detonat)/ },
  { term: '~blaze', arabic: ar('حريق', 'حرايق', 'نيران'), english: /^(fire|blaze|flame)s?$/ },
  { term: '~drone', arabic: ar('مسيره', 'مسيرات'), english: /^(drone)/ },
  { term: '~missile', arabic: ar('صاروخ', 'صواريخ'), english: /^(missil|rocket)/ },
  { term: '~captive', arabic: ar('رهاين', 'رهينه', 'محتجز', 'محتجزين', 'مختطف', 'مختطفين'), english: /^(hostag|captiv|abducte)/ },
  { term: '~prisoner', arabic: ar('اسري', 'اسير', 'معتقل', 'معتقلين', 'سجنا', 'سجين', 'موقوف', 'موقوفين'), english: /^(prisoner|detaine|inmat)/ },
  { term: '~evacuate', arabic: /^(اجلاء)$/, english: /^(evacuat)/ },
  { term: '~employee', arabic: ar('موظف', 'موظفين', 'عامل', 'عاملين', 'عمال'), english: /^(employe|worker|staff)/ },
];

const TERMS = new Map<string, string | null>();

/** The shared term of the group `token` belongs to, if it belongs to one. */
export function synonymTerm(token: MatchToken): string | null {
  const arabic = hasArabic(token.bare);
  const key = arabic ? token.bare : `~${token.stem}`;
  let term = TERMS.get(key);
  if (term === undefined) {
    term = GROUPS.find((g) => (arabic ? g.arabic?.test(token.bare) : g.english?.test(token.stem)))?.term ?? null;
    if (TERMS.size < 200_000) TERMS.set(key, term);
  }
  return term;
}
