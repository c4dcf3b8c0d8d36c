import { arabicForms } from './arabic-verb-pattern';
import { hasArabic } from './frame-lexicon';
import type { MatchToken } from './normalize';

/**
 * Predicates that say the opposite of each other without a negation: reopened / stayed closed,
 * arrested / released, upheld / overturned, lifted / imposed. Two versions of one sentence that
 * differ only there cannot both be right. Arabic patterns apply to a word folded and without its
 * attached particles and article (`MatchToken.bare`), English ones to its light stem.
 */

interface OppositePair {
  name: string;
  a: { arabic: RegExp; english: RegExp };
  b: { arabic: RegExp; english: RegExp };
}

const ar = arabicForms;

const PAIRS: readonly OppositePair[] = [
  {
    name: 'open ≠ closed',
    a: { arabic: ar('فتح', 'فتحت', 'نفتح', 'افتتح', 'افتتاح', 'فتوح', 'مفتوح', 'مفتوحه'), english: /^(open|reopen)/ },
    b: { arabic: ar('غلق', 'اغلق', 'اغلاق', 'مغلق', 'مغلقه', 'اقفل', 'اقفال', 'مقفل', 'مقفله'), english: /^(clos|shut|seal)/ },
  },
  {
    name: 'arrested ≠ released',
    a: { arabic: ar('عتقل', 'اعتقال', 'حتجز', 'احتجاز', 'محتجز', 'محتجزه', 'توقيف'), english: /^(arrest|detain|jail|imprison)/ },
    b: { arabic: ar('فرج', 'افرج', 'افراج', 'سراح', 'اطلق'), english: /^(releas|freed|free)/ },
  },
  {
    name: 'approved ≠ rejected',
    a: { arabic: ar('وافق', 'موافقه', 'اقر', 'اقرار', 'صادق', 'مصادقه', 'ايد', 'تاييد', 'تثبيت'), english: /^(approv|accept|agre|uphold|upheld|endors|ratif)/ },
    b: { arabic: ar('رفض', 'رفضت', 'نقض', 'الغي', 'الغاء', 'اعترض', 'اعتراض', 'ابطل', 'ابطال', 'رد'), english: /^(reject|refus|overturn|overrul|veto|oppos|annul|quash|declin|turn)/ },
  },
  {
    name: 'lifted ≠ imposed',
    a: { arabic: ar('رفع', 'رفعت', 'ازال', 'ازاله', 'انهي', 'انهاء'), english: /^(lift|scrap|relax)/ },
    b: { arabic: ar('فرض', 'فرضت', 'مدد', 'تمديد', 'شدد', 'تشديد'), english: /^(impos|extend|introduc|tighten|reimpos)/ },
  },
  {
    name: 'withdrew ≠ advanced',
    a: { arabic: ar('نسحب', 'انسحاب', 'تراجع', 'خرج', 'خروج'), english: /^(withdr|retreat|pull)/ },
    b: { arabic: ar('تقدم', 'تقدمت', 'عزز', 'تعزيز', 'تعزيزات', 'انتشر', 'انتشار', 'بقي', 'بقاء', 'توغل', 'توغلت'), english: /^(advanc|reinforc|deploy|remain|stay|push)/ },
  },
  {
    name: 'rose ≠ fell',
    a: { arabic: ar('رتفع', 'ارتفاع', 'زاد', 'زياده', 'ازداد', 'تضاعف', 'تحسن', 'تعافي', 'صعد'), english: /^(rise|rose|risen|increas|climb|grew|grow|doubl|jump|surg|improv|recover|strengthen|gain)/ },
    b: { arabic: ar('نخفض', 'انخفاض', 'تراجع', 'هبط', 'هبوط', 'تقلص', 'تناقص', 'تدهور'), english: /^(fall|fell|drop|decreas|declin|shrank|shrink|halv|plung|weaken|slump)/ },
  },
  {
    name: 'won ≠ lost',
    a: { arabic: ar('فاز', 'فوز', 'ربح', 'انتصر'), english: /^(won|win)/ },
    b: { arabic: ar('خسر', 'خساره', 'هزم', 'هزيمه'), english: /^(lost|lose|defeat)/ },
  },
  {
    name: 'resumed ≠ suspended',
    a: { arabic: ar('ستانف', 'استيناف', 'استمر', 'استمرار', 'تواصل', 'واصل', 'مواصله', 'متواصل', 'متواصله', 'مستمر', 'مستمره', 'بدء'), english: /^(resum|continu|start|began|begin|restart|ongo)/ },
    b: { arabic: ar('علق', 'تعليق', 'اوقف', 'ايقاف', 'توقف', 'متوقف', 'متوقفه', 'جمد', 'تجميد', 'انتهي', 'انهي', 'انهاء'), english: /^(suspend|halt|stop|paus|freez|froz|ceas|disrupt|interrupt|ended|end|conclud)$|^(suspend|halt|stop|paus|freez|froz|ceas|disrupt|interrupt|conclud)/ },
  },
  {
    name: 'called off ≠ went ahead',
    a: { arabic: ar('الغي', 'الغاء', 'اجل', 'تاجيل', 'مؤجل', 'موجل', 'مؤجله'), english: /^(cancel|postpon|delay|scrap|call)/ },
    b: { arabic: ar('اقيم', 'اقيمت', 'انعقد', 'عقد', 'جرت', 'جري', 'مضي'), english: /^(ahead|proceed|held|took)/ },
  },
  {
    name: 'allowed ≠ prevented',
    a: { arabic: ar('سمح', 'سماح'), english: /^(allow|permit)/ },
    b: { arabic: ar('منع', 'حظر'), english: /^(prevent|ban|forbid|forbad|bar|block)/ },
  },
  {
    name: 'welcomed ≠ condemned',
    a: { arabic: ar('رحب', 'ترحيب', 'اشاد', 'اشاده', 'ثمن', 'تثمين'), english: /^(welcom|prais|hail|laud|commend|applaud)/ },
    b: { arabic: ar('ندد', 'تنديد', 'انتقد', 'انتقاد', 'استنكر', 'استنكار', 'شجب', 'ادان', 'ادانه'), english: /^(condemn|criticis|criticiz|denounc|slam|decri|deplor)/ },
  },
  {
    name: 'changed ≠ kept',
    a: { arabic: ar('رفع', 'خفض', 'تخفيض', 'زياده', 'عدل', 'تعديل'), english: /^(rais|cut|lower|hik|chang)/ },
    b: { arabic: ar('ثبت', 'تثبيت', 'ابقي', 'ابقاء', 'ابقت'), english: /^(held|hold|kept|keep|unchang)/ },
  },
  {
    name: 'convicted ≠ acquitted',
    a: { arabic: ar('دان', 'ادان', 'ادانه', 'ادين'), english: /^(convict|guilt|sentenc)/ },
    b: { arabic: ar('برا', 'برات', 'تبريه', 'براءه'), english: /^(acquit|innocen)/ },
  },
  {
    name: 'survived ≠ killed',
    a: { arabic: ar('نجا', 'نجاه', 'نجوا', 'نجت'), english: /^(surviv|unharm|unhurt|uninjur|unscath|aliv|escap)/ },
    b: { arabic: ar('قتل', 'قتلت', 'مقتل', 'لقي', 'لقيت', 'توفي', 'توفيت', 'وفاه', 'غرق', 'غرقت'), english: /^(kill|die|died|dead|death|drown)/ },
  },
  {
    name: 'peaceful ≠ violent',
    a: { arabic: ar('سلمي', 'سلميه', 'هدوء', 'هادي', 'هاديه'), english: /^(peaceful|calm|quiet|orderl)/ },
    b: { arabic: ar('عنيف', 'عنيفه', 'عنف', 'اشتباك', 'اشتباكات', 'شغب'), english: /^(violen|clash|riot)/ },
  },
  {
    name: 'intact ≠ destroyed',
    a: { arabic: ar('سليم', 'سليمه', 'سالم', 'سالمه'), english: /^(intact|undamag)/ },
    b: { arabic: ar('دمر', 'دمرت', 'تدمير', 'مدمر', 'مدمره', 'انهار', 'انهيار', 'تضرر', 'تضررت', 'اضرار'), english: /^(destroy|damag|collaps|flatten|razed|demolish)/ },
  },
  {
    name: 'arrived ≠ left',
    a: { arabic: ar('وصل', 'وصلت', 'وصول'), english: /^(arriv|land)/ },
    b: { arabic: ar('غادر', 'غادرت', 'مغادره'), english: /^(left|depart)/ },
  },
  {
    name: 'held ≠ collapsed',
    a: { arabic: ar('صمد', 'صمدت', 'صمود'), english: /^(held|hold|holding)$/ },
    b: { arabic: ar('انهار', 'انهارت', 'انهيار', 'خرق', 'خرقت', 'انتهك', 'انتهاك'), english: /^(collaps|broke|broken|break|breach|violat)/ },
  },
  {
    name: 'took part ≠ boycotted',
    a: { arabic: ar('شارك', 'مشاركه', 'حضر', 'حضور'), english: /^(attend|particip|join)/ },
    b: { arabic: ar('قاطع', 'مقاطعه', 'غاب', 'غياب'), english: /^(boycott|absent)/ },
  },
];

type Pole = { pair: number; pole: 'a' | 'b' };

const POLES = new Map<string, Pole[]>();

function polesOf(token: MatchToken): Pole[] {
  const arabic = hasArabic(token.bare);
  const key = arabic ? `${token.folded}|${token.bare}` : `~${token.stem}`;
  let poles = POLES.get(key);
  if (poles === undefined) {
    const found: Pole[] = [];
    PAIRS.forEach((pair, i) => {
      for (const pole of ['a', 'b'] as const) {
        const pattern = arabic ? pair[pole].arabic : pair[pole].english;
        if (arabic ? pattern.test(token.bare) || pattern.test(token.folded) : pattern.test(token.stem)) found.push({ pair: i, pole });
      }
    });
    poles = found;
    if (POLES.size < 100_000) POLES.set(key, poles);
  }
  return poles;
}

/** The name of the opposition two runs of words state, one in each version, if they state one. */
export function oppositeIn(a: readonly MatchToken[], b: readonly MatchToken[]): string | null {
  const polesB = b.flatMap(polesOf);
  if (polesB.length === 0) return null;
  for (const token of a) {
    const poles = polesOf(token);
    for (const x of poles) {
      // A word that sits at both poles of a pair (بقي: stayed closed, stayed in place) decides nothing alone.
      if (poles.some((y) => y.pair === x.pair && y.pole !== x.pole)) continue;
      if (polesB.some((y) => y.pair === x.pair && y.pole !== x.pole) && !polesB.some((y) => y.pair === x.pair && y.pole === x.pole)) return PAIRS[x.pair]!.name;
    }
  }
  return null;
}
