import { foldArabicScript } from './arabic';
import type { ExcludedReason } from './types';

/**
 * The website around an article that comes along when an editor copies a page: comment and
 * cookie notices, newsletter and app prompts, share buttons, copyright lines, bylines and photo
 * credits. Every pattern is anchored on a whole short line, so a claim that merely uses the same
 * words («شارك الآلاف في التظاهرة», "the ministry shared the figures") stays a claim.
 *
 * Lines are matched folded (no harakat; أ إ آ → ا, ة → ه, ى → ي) and in lower case, so the
 * Arabic patterns below are spelled that way.
 */

/** Longer than this, a line is prose, whatever words it opens with. */
const MAX_CHROME_WORDS = 40;

const SITE_CHROME: RegExp[] = [
  // Comments.
  /^(?:باب )?التعليقات (?:مغلقه|مغلق|متوقفه)(?: (?:علي|في) [^.]{1,40})?\.?$|^(?:تم )?(?:اغلاق|اغلق) (?:باب )?التعليقات(?: (?:علي|في) [^.]{1,40})?\.?$/u,
  /^(?:اضف|اضيفوا|اكتب|ارسل|اترك|شاركنا) (?:تعليقك|تعليقا|تعليق|تعليقكم|رايك|برايك)(?: هنا)?[.:]?$/u,
  /^(?:لا توجد تعليقات|كن اول من يعلق|التعليقات|عدد التعليقات)\s*[:(]?\s*\d*\s*\)?\.?$/u,
  /^(?:comments? (?:are|is|have been) (?:now )?(?:closed|disabled|off)(?: (?:for|on) this (?:article|story|post))?|(?:add|leave|post|write) (?:a|your) comment|(?:view|show|hide|read) (?:all )?comments|\d+ comments?|comments? ?\(?\d*\)?|be the first to comment|join the conversation)[.:]?$/u,
  // Cookie notices and their buttons.
  /^(?:we (?:and our partners )?use cookies|this (?:web)?site uses cookies|our (?:web)?site uses cookies|by (?:continuing|using|browsing) (?:to (?:use|browse) )?(?:this|our) (?:web)?site|cookies? (?:policy|settings|preferences|notice|consent)|(?:accept|reject|manage) (?:all )?cookies|cookies (?:help us|on (?:this|our) (?:web)?site))/u,
  /^(?:نحن نستخدم|نستخدم|يستخدم|تستخدم|هذا الموقع يستخدم|موقعنا يستخدم|باستخدامك|باستمرارك|بمواصلتك|بمواصله|بمتابعه|بتصفحك|من خلال استخدامك|عند استخدامك|سياسه|قبول|اعدادات|اداره)(?= ).{0,200}(?:ملفات تعريف الارتباط|ملفات الارتباط|الكوكيز|كوكيز|ملفات التعريف)/u,
  /^(?:accept(?: all)?|reject(?: all)?|decline(?: all)?|i agree|i accept|agree|got it|ok|okay|allow all|manage (?:preferences|settings|options)|موافق|اوافق|قبول|قبول الكل|رفض|رفض الكل|حسنا|فهمت)\.?$/u,
  // Newsletters.
  /^(?:sign up|subscribe|register|join|get)(?= ).{0,120}(?:newsletters?|inbox|e-?mails?|briefing|alerts|updates)\b.{0,120}$/u,
  /^(?:subscribe(?: now)?|sign up(?: now)?|newsletters?(?: sign[- ]?up)?|enter your e-?mail(?: address)?|your e-?mail(?: address)?)[.:]?$/u,
  /^(?:اشترك|اشتركوا|اشتركي|سجل|للاشتراك|انضم|انضموا)(?: الان| مجانا)? (?:في |ب|الي |علي )?(?:النشره|نشرتنا|القايمه البريديه|قايمتنا)/u,
  /^(?:اشترك|اشتركوا|اشتركي|سجل|للاشتراك|انضم|انضموا)(?= ).{0,120}(?:بريدك|نشرتنا|قناتنا|ليصلك|لتصلك|يصلك)/u,
  /^(?:اشترك|اشترك الان|النشره البريديه|النشره الاخباريه|ادخل بريدك الالكتروني|البريد الالكتروني)[.:]?$/u,
  // Copyright.
  /^©|^(?:\(c\)|copyright) (?:© ?)?\d{4}/u,
  // At the line's start or after ©, a year or a full stop: «قال إن كل الحقوق محفوظة للمتضررين» is a claim.
  /(?:^|[.©|–—-] ?|\d{4} ?)all rights reserved/u,
  /(?:^|[.©|–—-] ?|\d{4} ?)(?:جميع|كافه|كل) الحقوق محفوظه|^حقوق (?:النشر|الطبع)(?: والتوزيع)? محفوظه|^حقوق (?:النشر|الطبع) ©/u,
  // Follow us, download the app, click here.
  /^(?:تابعونا|تابعنا|تابعوا|تابعني)(?: (?:علي|عبر|في) .{0,120})?$/u,
  /^follow (?:us|[a-z][\w .'’-]{0,40}) on .{1,120}$|^follow us\.?$/u,
  /^(?:حمل|نزل|تحميل|قم بتحميل|حملوا|نزلوا) (?:تطبيق|التطبيق)/u,
  /^(?:download|get|install) (?:the|our) (?:[\w'’-]+ ){0,3}app\b|^(?:available|download it|get it) on (?:the )?(?:app store|google play)/u,
  /^(?:لمتابعه|للاشتراك|اضغط|انقر|click|tap|join our)(?= ).{0,120}(?:قناه|قناتنا|تطبيق|app|channel|whatsapp|telegram|واتساب|تلغرام|تيليجرام)/u,
  /^(?:لمزيد من|للمزيد من|لقراءه المزيد من|للاطلاع علي)(?= ).{0,60}(?:تابعونا|تابعوا|زوروا|اضغط|انقر|صفحتنا|موقعنا)/u,
  /^هل (?:اعجبك|اعجبكم|اعجبتك) (?:المقال|الخبر|الموضوع|التقرير)[؟?]?$|^(?:شاركه|شاركها|شاركوه|شارك (?:المقال|الخبر)) مع (?:اصدقايك|اصدقاءك|اصدقايكم|الاصدقاء)\.?$/u,
  /^this (?:story|article|post|report|page) (?:has been|was|is being) (?:updated|corrected|amended)(?: with [^.]{1,60})?\.?$|^(?:want|like) more (?:stories|news|articles) like this/u,
  /^(?:image|photo|picture|video) (?:caption|source|credit)s?\s*[,:：]/u,
  /^(?:listen to this (?:article|story)|continue reading(?: the main story)?|click here(?= ).{0,80}|read the full (?:story|article|report)|report an (?:error|issue|correction)|you may also like|recommended(?: for you)?)\.?$/u,
  /^(?:watch|video|listen|live|gallery)\s*[:：]\s*.{0,100}$/u,
  /^(?:the )?(?:opinions|views) expressed (?:here |in this (?:article|piece) )?are (?:the author'?s|those of the author)/u,
  // Reading time, tags, breadcrumbs, time stamps.
  /^\d+\s*min(?:ute)?s?\.? read$|^(?:وقت|مده) القراءه.{0,20}$|^\d+\s*(?:دقيقه|دقايق) (?:للقراءه|قراءه)$/u,
  /^(?:tags|topics|filed under|الوسوم|وسوم|كلمات مفتاحيه|الكلمات المفتاحيه|الكلمات الداله)\s*[:：]/u,
  /^(?:home|الرييسيه)\s*[>›»/|]/u,
  /^(?:published|updated|last updated|posted|نشر في|تاريخ النشر|اخر تحديث|تم النشر|تم التحديث)(?: on| at| في)?\s*[:：]?\s*(?:\d|[a-z]{3,9}\.? \d|[\u0621-\u064a]{3,9} \d)[^.!?؟]{0,60}$/u,
];

const PLATFORMS =
  /(?:twitter|\bx\b|facebook|instagram|youtube|tiktok|telegram|whatsapp|linkedin|threads|google news|social media|فيسبوك|فيس بوك|تويتر|اكس|انستغرام|انستجرام|يوتيوب|تيك توك|تلغرام|تيليجرام|تليجرام|واتساب|قناتنا|صفحتنا|حساباتنا|حسابنا|منصات|مواقع التواصل|شبكات التواصل|جوجل نيوز|غوغل نيوز|اخبار جوجل)/u;

/** Words of share-button rows: "Share on Facebook", «مشاركة عبر واتساب», "Facebook | Twitter". */
const SHARE_WORDS = new Set(
  ('share shares sharing on via this article story page post link copy copied the to email e-mail mail print tweet ' +
    'facebook twitter x whatsapp linkedin telegram pinterest reddit messenger flipboard save ' +
    'شارك شاركوا شاركها شاركه مشاركه المشاركه انشر عبر علي في طريق المقال الخبر الموضوع الصفحه الرابط رابط نسخ انسخ تم طباعه اطبع ' +
    'فيسبوك فيس بوك تويتر اكس واتساب واتس اب تلغرام تيليجرام تليجرام لينكد ان لينكدان البريد الالكتروني بريد حفظ ماسنجر').split(' '),
);
const SHARE_SIGNALS = new Set(
  'share tweet whatsapp facebook twitter linkedin telegram pinterest reddit messenger print email e-mail copy copied نسخ انشر شارك شاركها مشاركه المشاركه واتساب فيسبوك تويتر تلغرام طباعه'.split(' '),
);

function isShareRow(folded: string): boolean {
  const words = folded.split(/[\s|•·/,:()–—]+/u).filter(Boolean);
  if (words.length === 0 || words.length > 12) return false;
  return words.every((w) => SHARE_WORDS.has(w)) && words.some((w) => SHARE_SIGNALS.has(w));
}

/** "By Desk Editor", «كتب: محرر الشؤون العربية», «بقلم …», «تحرير: …»; never "By Sunday, rebels …". */
const BYLINE_EN =
  /^(?:by|BY|By) (?!(?:The|A|An|Then|Now|Noon|Midnight|Dawn|Early|Late|Mid|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][\w'’.-]*(?:(?: (?:and|&|in|for|of|at|de|al|el|bin|van|von))* [A-Z][\w'’.-]*|,? ?[|—–-]? ?[A-Z][\w'’.-]*)*\s*$/u;
const BYLINE_AR = /^(?:كتب|كتبت|كتبه|بقلم|تحرير|اعداد|ترجمه|مراسل|مراسله|تصوير|اشراف|متابعه|المحرر|تدقيق|تحرير وتدقيق)\s*[:：\-–—]\s*\S.{0,60}$|^(?:بقلم|بواسطه)\s+\S.{0,60}$/u;
/** «الفاشر - شبكة النيل الإخبارية»: a dateline line naming a city and an outlet. */
const DATELINE_AR = /^[\u0621-\u064a]{2,}(?: [\u0621-\u064a]{2,})? ?[-–—|] ?(?:وكاله|شبكه|صحيفه|جريده|موقع|قناه|اذاعه|مراسل|خاص|رويترز|ا ف ب|الاناضول)[^.!?؟]{0,40}$/u;
/** Photo credits: "(Photo: Reuters)", «(صورة: أرشيفية)», «الصورة: رويترز», "Getty Images". */
const PHOTO_CREDIT =
  /^\(?\s*(?:photo|photograph|image|picture|pic|credit|photo credit|file photo|image source|صوره|الصوره|تصوير|مصدر الصوره|صوره ارشيفيه)\s*[:：،,]\s*[^()]{1,80}\)?\.?$|^\(?\s*(?:صوره ارشيفيه|file photo)\s*\)?$/u;
const AGENCY_CREDIT = /^\(?(?:(?:[\w.'’-]+ ){1,4}(?:\/ ?|via ))?(?:getty images|afp|reuters|ap photo|epa(?:-efe)?|anadolu(?: agency)?|shutterstock|رويترز|ا ف ب|افب|اسوشيتد برس|الاناضول)(?: ?\/ ?[\w.'’ -]{1,40})?\)?$/u;

/** Words in `text`, counted up to `limit + 1`: enough to tell "at most `limit`" without splitting long lines. */
export function wordCount(text: string, limit = Infinity): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length && count <= limit; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2009 || code === 0x202f || code === 0x3000;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/**
 * First words of the chrome that runs long (cookie and newsletter notices, credits, follow-us and
 * app prompts, copyright), folded. Most lines of a report are long prose: a long line that opens
 * otherwise, and names no rights, is let through before any folding or pattern.
 */
const LONG_CHROME_OPENERS = new Set(
  ('we this our by cookies cookie accept reject manage sign subscribe register join get copyright reporting writing editing ' +
    'written edited compiled produced research story words photo photos video graphics additional follow download install ' +
    'available click tap published updated last posted comments ' +
    'نحن نستخدم يستخدم تستخدم هذا موقعنا باستخدامك باستمرارك بمواصلتك بمواصله بمتابعه بتصفحك من عند سياسه قبول اعدادات اداره ' +
    'اشترك اشتركوا اشتركي سجل للاشتراك انضم انضموا تابعونا تابعنا تابعوا تابعني حمل نزل تحميل قم حملوا نزلوا لمتابعه اضغط انقر ' +
    'نشر تاريخ اخر تم جميع كافه كل حقوق التعليقات').split(' '),
);

function mayBeLongChrome(line: string): boolean {
  if (line.includes('©') || line.includes('محفوظ') || /rights reserved/i.test(line)) return true;
  const space = line.indexOf(' ');
  const first = foldArabicScript((space === -1 ? line : line.slice(0, space)).toLowerCase()).replace(/^[("'“«[]+/u, '');
  return LONG_CHROME_OPENERS.has(first);
}

/** The folded, lower-case form the patterns are written against. */
export function foldChromeLine(line: string): string {
  return foldArabicScript(line).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Why this whole line is not part of the article, or null when it may be. */
export function chromeReason(line: string): ExcludedReason | null {
  const trimmed = line.trim();
  const words = wordCount(trimmed, MAX_CHROME_WORDS);
  if (words === 0 || words > MAX_CHROME_WORDS) return null;
  if (words > 12 && !mayBeLongChrome(trimmed)) return null;
  const folded = foldChromeLine(trimmed);
  if (isByline(trimmed, folded, words)) return 'byline';
  if (words <= 20 && /^(?:تابعونا|تابعنا|تابعوا|تابعني|follow) /u.test(folded) && !PLATFORMS.test(folded)) return null;
  if (SITE_CHROME.some((pattern) => pattern.test(folded)) || isShareRow(folded)) return 'site-chrome';
  return null;
}

const CREDIT_EN = /(?:^|; ?|\( ?)(?:additional )?(?:reporting|writing|editing|written|edited|compiled|produced|research|story|words|photos?|video|graphics) by /gu;

function isByline(line: string, folded: string, words: number): boolean {
  if (words <= 12 && (BYLINE_EN.test(line) || BYLINE_AR.test(folded) || DATELINE_AR.test(folded) || PHOTO_CREDIT.test(folded) || AGENCY_CREDIT.test(folded))) return true;
  // "Reporting by …; Editing by …": several credits, or one in parentheses, or one made of names.
  const credits = [...folded.matchAll(CREDIT_EN)];
  if (credits.length === 0 || credits[0]!.index !== 0) return false;
  if (credits.length >= 2 || /^\(.*\)\.?$/u.test(folded)) return true;
  const names = line.replace(/^.*? by /iu, '').replace(/\.$/u, '');
  return wordCount(names) <= 6 && names.split(/\s+/).every((w) => /^[A-Z]/u.test(w) || /^(?:and|&|in|of)$/u.test(w));
}

/** A photo credit closing a paragraph: "… on Monday. (Photo: Reuters)". */
const TRAILING_CREDIT =
  /\s*\((?:photo|image|picture|credit|file photo|صور[ةه]|الصور[ةه]|تصوير|مصدر الصور[ةه])\s*[:：،,]\s*[^()\n]{1,60}\)\s*$|\s*\((?:[^()\n]{0,40} )?(?:via )?getty images[^()\n]{0,20}\)\s*$/iu;

/** Where a trailing photo credit starts in `text[start, end)`, or -1. */
export function trailingCreditStart(text: string, start: number, end: number): number {
  if (text[end - 1] !== ')') return -1;
  const tail = Math.max(start, end - 120);
  const slice = text.slice(tail, end);
  const match = TRAILING_CREDIT.exec(slice);
  if (match === null) return -1;
  const at = tail + match.index;
  return at > start ? at : -1;
}
