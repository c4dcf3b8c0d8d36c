import { foldChromeLine } from './site-chrome';

/**
 * Lines that tell the article loop where the report stops and something else begins: embedded
 * posts, «اقرأ أيضاً» teasers, lists of related articles, the «المصدر:» line, ad labels and the
 * dateline. Arabic is matched without harakat; the folded patterns are spelled as
 * `foldChromeLine` writes (أ إ آ → ا, ة → ه, ى → ي).
 */

export const EMBED_URL = /pic\.twitter\.com\/|(?:twitter|x)\.com\/\w+\/status\/|instagram\.com\/p\/|(?:^|[\s/])t\.co\//i;
/** «— قناة الحرة (@alhurranews) December 2, 2024»: the signature line of an embedded tweet. */
export const EMBED_SIGNATURE = /^[—–-]\s*.{0,80}\(@\w{1,30}\)\s*.{0,40}\d{4}\s*$/u;
export const EMBED_LABEL = /^(?:A post shared by|View this post on Instagram|عرض هذا المنشور على)/i;
export const READ_ALSO =
  /^\s*(?:(?:إقرأ|اقرأ|إقرا|اقرا|شاهد|طالع)\s+(?:أيضا|أيضاً|ايضا|ايضاً|كذلك)|(?:إقرأ|اقرأ|إقرا|اقرا)\s+المزيد)\s*[:：.|\-–—]?\s*(.*)$|^\s*(?:Read (?:also|more|next)|See also|Also read|Watch also|Recommended reading)\s*[:：|\-–—]?\s*(.*)$/iu;
export const RELATED = /^\s*(?:مقالات|مواضيع|أخبار|اخبار|قصص)\s+(?:مشابهة|ذات صلة|متعلقة|مقترحة)\s*:?\s*$|^\s*(?:Related(?: articles| stories| news)?|More stories|You may also like)\s*:?\s*$/iu;
/** Lists of other articles, matched folded: «المزيد من الأخبار», "More news", "Most read". */
export const MORE_NEWS =
  /^(?:(?:ال)?مزيد من (?:الاخبار|الاخبار المتعلقه|المقالات)|المزيد|الاكثر (?:قراءه|مشاهده|تداولا)|اخر الاخبار|اخبار متعلقه|موضوعات ذات صله|قد يهمك(?: ايضا)?|قد يعجبك(?: ايضا)?|ننصحك بقراءه|more news|more from(?: [^.:]{1,40})?|most (?:read|popular|viewed)|latest (?:news|stories)|top stories|trending(?: now)?|recommended(?: for you)?|editor['’]s picks|you might also like|in other news)\s*[:：]?$/u;
/** Longer than this, a line is not a «المزيد من الأخبار» heading, and is not folded to check. */
export const MAX_MORE_NEWS = 60;
/** "Related: Rebels take Aleppo airport": one teaser on one line. */
export const RELATED_INLINE = /^\s*(?:Related(?: topics| articles| stories| news| coverage| links)?|(?:مقالات|مواضيع|موضوعات|أخبار|اخبار)?\s*ذات صلة)\s*[:：|]\s*\S/iu;
/** "Most Read: Damascus airport reopens | Wheat harvest falls", matched folded: a list on one line. */
export const MORE_NEWS_INLINE =
  /^(?:(?:ال)?مزيد من الاخبار|الاكثر (?:قراءه|مشاهده|تداولا)|اخر الاخبار|more news|most (?:read|popular|viewed)|latest (?:news|stories)|top stories|trending(?: now)?|recommended|editor['’]s picks)\s*[:：|]\s*\S/u;
/**
 * The dateline opening a report: "KYIV, May 23 (Eastern Courier) -", "ALEPPO, Syria —",
 * «دمشق (رويترز) -», «حلب - وكالة الأفق:». Not a claim: the place and outlet of the report.
 */
export const DATELINE =
  /^(?:[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3}(?:, (?:[A-Z][a-z]+\.?|[A-Z]{2,})(?: \d{1,2})?){0,2}(?: \([^()\n]{1,40}\))? ?[-–—]{1,2}|[\u0621-\u064A]{2,}(?: [\u0621-\u064A]{2,})? ?(?:\([^()\n]{1,30}\))? ?[-–—](?: ?[^\n:.،\-–—]{2,40}:)?)[^\S\n]+(?=\S)/u;
export const SOURCE_LINE = /^\s*(?:المصدر|مصدر|Source)\s*[:：]\s*(.{1,120})$/iu;
export const AD_LABEL =
  /^\s*[-–—]*\s*(?:إعلان|اعلان|إعلانات|محتوى مدعوم|مساحة إعلانية|Advertisement|Advert|Ads?|Sponsored(?: content)?|Promoted|Paid content|(?:Advertisement\s*[-–—:]\s*)?Scroll to continue(?: with content)?|Story continues below(?: advertisement)?|Continue reading below)\s*[-–—]*\s*$/iu;
/** «المصدر: الحرة» names an outlet in a few words; "Source: a senior official said …" is a claim. */
export function isOutletName(text: string): boolean {
  return text.trim().split(/\s+/).length <= 8;
}

/** Harakat are dropped before matching markers: «أيضاً» carries a tanween the patterns do not spell. */
export function markerForm(line: string): string {
  return line.trim().replace(/[\u064B-\u065F\u0670\u0640]/g, '');
}

/** A line the article loop must see on its own: «اقرأ أيضاً», "Related:", «المصدر: …», "Advertisement". */
export function isMarkerLine(line: string): boolean {
  const form = markerForm(line);
  const source = SOURCE_LINE.exec(form);
  return (
    READ_ALSO.test(form) ||
    RELATED.test(form) ||
    RELATED_INLINE.test(form) ||
    (form.length <= 200 && MORE_NEWS_INLINE.test(foldChromeLine(form))) ||
    (form.length <= MAX_MORE_NEWS && MORE_NEWS.test(foldChromeLine(form))) ||
    AD_LABEL.test(form) ||
    (source !== null && isOutletName(source[1]!))
  );
}
