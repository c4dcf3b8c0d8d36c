import type { MatchToken } from './normalize';
import type { EventClass } from './types';

/**
 * The words a claim's frame is read from: predicates and their classes, the words that negate,
 * deny or say an event failed, the armed actors on each side of a conflict, nationalities, and the
 * kinds of places events happen to. Arabic patterns apply to words folded and without attached
 * particles or article (`MatchToken.bare`); English ones to light stems (`MatchToken.stem`).
 */

interface EventPattern {
  cls: EventClass;
  arabic?: RegExp;
  english?: RegExp;
}

const EVENTS: readonly EventPattern[] = [
  { cls: 'recapture', arabic: /^(ا|ي|ت|ن)?ستع(ا|ي)د(ت|وا|ون|ه)?$|^استعاده$/, english: /^(recaptur|retook|retak|regain|reclaim|retaken)/ },
  { cls: 'capture', arabic: /^(ي|ت|ن)?سيطر(ت|وا|ون|ه)?$|^(ا|ي|ت)?ستول(ي|ت|وا)$|^(ا|ي|ت)?قتحم(ت|وا|ون)?$|^اقتحام$|^(ي|ت)?سقط(ت)?$|^سقوط$|^انتزع(ت|وا)?$|^(ي|ت)?حرر(ت|وا)?$|^تحرير$|^(ي|ت)?دخل(ت|وا)?$|^دخول$|^بسط(ت)?$|^احكم(ت)?$/, english: /^(captur|seiz|overran|overrun|storm|liberat|control|fell|fallen|fall|enter)/ },
  { cls: 'withdraw', arabic: /^(ا|ي|ت)?نسحب(ت|وا|ون)?$|^انسحاب$/, english: /^(withdr|retreat|pulled|pull)/ },
  { cls: 'repel', arabic: /^(ي|ت)?صد(ت|وا|ي)?$|^تصد(ت|ي|وا)$|^(ا|ي|ت)?حبط(ت|وا)?$|^احباط$|^(ا|ي|ت)فشل(ت|وا)?$|^افشال$|^دحر(ت|وا)?$/, english: /^(repel|repuls|thwart|foil|fend|fought|beat)/ },
  { cls: 'attack', arabic: /^(ي|ت)?هاجم(ت|وا|ون)?$|^هجوم$|^هجمات$|^هجمه$|^(ي|ت)?قصف(ت|وا)?$|^غاره$|^غارات$|^(ا|ي|ت)?ستهدف(ت|وا)?$|^استهداف$|^(ي|ت)?شن(ت|وا)?$|^اغار(ت|وا)?$|^ضربات$/, english: /^(attack|strik|struck|shell|bomb|raid|target|assault|offensiv|pound)/ },
  { cls: 'kill', arabic: /^(ي|ت)?قتل(ت|وا)?$|^مقتل$|^قتلي$|^قتيل(ا)?$|^لقي(ت)?$|^لقوا$|^(ا|ي|ت)?ستشهد(ت|وا)?$|^شهيد(ا)?$|^شهدا$|^مصرع$|^وفاه$|^توفي$/, english: /^(kill|dead|died|death|fatalit)/ },
  { cls: 'injure', arabic: /^اصيب(ت|وا)?$|^(ي|ت)صاب$|^(ي|ت)صب$|^اصابه$|^اصابات$|^مصاب(ين|ون)?$|^جرح(ي)?$|^جريح(ا)?$/, english: /^(injur|wound|hurt)/ },
  { cls: 'arrest', arabic: /^(ا|ي|ت)?عتقل(ت|وا)?$|^اعتقال$|^(ا|ي|ت)?حتجز(ت|وا)?$|^احتجاز$|^قبض$/, english: /^(arrest|detain)/ },
  { cls: 'release', arabic: /^(ا|ي|ت)?فرج(ت|وا)?$|^افراج$|^سراح$/, english: /^(releas|freed)/ },
  { cls: 'displace', arabic: /^(ي|ت)?نزح(ت|وا|ون)?$|^نزوح$|^نازح(ين|ون)?$|^تهجير$|^فرار$|^فروا$/, english: /^(displac|fled|flee|evacuat)/ },
  { cls: 'call-for', arabic: /^دعا$|^دعت$|^(ي|ت)دعو$|^دعوه$|^دعوا$|^(ي|ت)?حث(ت)?$|^ناشد(ت|وا)?$|^(ي|ت)طالب$|^طالبت$/, english: /^(call|urg|demand|appeal)/ },
  { cls: 'deny', arabic: /^نفي$|^نفت$|^(ي|ت)نفي$|^نافي(ا|ه)?$|^نفوا$/, english: /^(deni|deny|refut|dismiss|reject)/ },
];

/** «سقوط قتلى», «سقط صاروخ»: the word after «سقط» decides what fell. */
const FELL_KILL = /^(قتلي|ضحايا|جرحي|مصابين|شهدا|قتيل|ضحيه)$/;
const FELL_ATTACK = /^(صاروخ|صواريخ|قذيفه|قذايف|قذائف)$/;
const FREED_PEOPLE = /^(اسري|معتقلين|سجنا|رهاين|محتجزين|مختطفين)$/;

/** Whether a word is written in Arabic script, by its first letter (words are never mixed). */
export function hasArabic(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 0x0600 && code <= 0x06ff;
}

/** Word → the pattern it matches (or null): every word of a report is looked up, most of them often. */
const PATTERN_OF = new Map<string, EventPattern | null>();

/** «سيطرتها», «استعادتهم»: an event noun with its attached pronoun. */
const PRONOUN = /(ها|هم|هما|هن|ه)$/;

function patternOf(token: MatchToken, arabic: boolean): EventPattern | null {
  const key = arabic ? token.bare : `~${token.stem}`;
  let pattern = PATTERN_OF.get(key);
  if (pattern === undefined) {
    const bare = token.bare;
    const plain = arabic && bare.length > 4 ? bare.replace(PRONOUN, '') : bare;
    pattern = EVENTS.find((p) => (arabic ? p.arabic?.test(bare) || (plain !== bare && p.arabic?.test(plain)) : p.english?.test(token.stem))) ?? null;
    if (PATTERN_OF.size < 200_000) PATTERN_OF.set(key, pattern);
  }
  return pattern;
}

/** The class of the event named by `tokens[i]`, if it names one. */
export function eventClassAt(tokens: readonly MatchToken[], i: number): EventClass | null {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  const arabic = hasArabic(token.bare);
  const pattern = patternOf(token, arabic);
  if (pattern !== null) {
    if (pattern.cls === 'capture' && arabic && /سقط|سقوط/.test(token.bare) && next !== undefined) {
      if (FELL_KILL.test(next.bare)) return 'kill';
      if (FELL_ATTACK.test(next.bare)) return 'attack';
    }
    if (pattern.cls === 'capture' && arabic && /حرر|تحرير/.test(token.bare) && [next, tokens[i + 2]].some((t) => t !== undefined && FREED_PEOPLE.test(t.bare))) return 'release';
    if (pattern.cls === 'release' && token.bare === 'سراح' && !/اطلق|اطلاق/.test(tokens[i - 1]?.bare ?? '')) return null;
    if (!arabic && !englishEventContext(tokens, i, pattern.cls)) return null;
    return pattern.cls;
  }
  return null;
}

/** English words that name an event only in some uses: "fell to", "control of", "pulled out". */
function englishEventContext(tokens: readonly MatchToken[], i: number, cls: EventClass): boolean {
  const stem = tokens[i]!.stem;
  const next = tokens[i + 1]?.bare;
  if (stem === 'fell' || stem === 'fall' || stem === 'fallen') return next === 'to' || next === 'into';
  if (stem === 'pulled' || stem === 'pull') return next === 'out' || next === 'back';
  if (stem === 'fend' || stem === 'fought' || stem === 'beat') return next === 'off' || next === 'back';
  if (cls === 'call-for') return next === 'for' || next === 'on' || stem !== 'call';
  if (stem === 'enter') return true;
  return true;
}

/** English "took control", "took over", "took back": the verb alone says little. */
export function englishTakeAt(tokens: readonly MatchToken[], i: number): EventClass | null {
  const bare = tokens[i]!.bare;
  if (!/^(took|take|takes|taken|taking|gained|gain|won|seized)$/.test(bare)) return null;
  const next = tokens[i + 1]?.bare;
  const after = tokens[i + 2]?.bare;
  if (next === 'back') return 'recapture';
  if (next === 'control' || next === 'over' || after === 'control') return /^(won|gained|gain)$/.test(bare) && next === 'back' ? 'recapture' : 'capture';
  return null;
}

export type Negation = 'negated' | 'failed' | 'denied';

/** Arabic words that negate the verb or noun after them. */
const AR_NEGATORS = new Set(['لم', 'لن', 'لا', 'ليس', 'ليست', 'ليسوا', 'عدم', 'لما', 'بلا', 'بدون', 'دون']);
/**
 * «لا يزال», «لا سيما»: negators in form only; «لا يقل عن», «لم تتجاوز 45»: a bound on a number,
 * which the quantities read.
 */
const AR_NOT_NEGATED = /^(يزال|تزال|يزالون|زال|زالت|سيما|بد|برح|انفك|يقل|تقل|يزيد|تزيد|يتجاوز|تتجاوز|يتعدي|تتعدي|تزد|يزد)$/;
const AR_FAILED = /^(فشل(ت|وا|تا|ا)?|(ي|ت)فشل|فشل|اخفق(ت|وا)?|(ي|ت)خفق|اخفاق|عجز(ت|وا)?|(ي|ت)عجز|فاشل(ه)?|تعثر(ت)?|منعت|منعوا|(ي|ت)منع(ون)?|تعذر|(ي|ت)تعذر|امتنع(ت|وا)?|(ي|ت)متنع(ون)?)$/;
const EN_NEGATORS = new Set(['not', 'never', 'no', 'didnt', 'doesnt', 'dont', 'wasnt', 'werent', 'hasnt', 'havent', 'hadnt', 'couldnt', 'wouldnt', 'cannot', 'cant', 'wont', 'isnt', 'arent', 'nor', 'none', 'nobody', 'neither', 'without', 'yet']);
const EN_FAILED = /^(fail|unabl|unsuccessful|prevent|barr|block|declin|refus)/;

/** Nouns of what happens, which «دون» / "without" can deny: «وقوع», «اتفاق», "casualties". */
const HAPPENINGS = /^(وقوع|حدوث|تسجيل|اتفاق|توصل|نتيجه|casualti|injuri|death|damag|agreement|deal|incident|bloodsh)/;

/** «من دون وقوع إصابات», "without casualties": «دون» / "without" before something that happens. */
function withoutAnEvent(tokens: readonly MatchToken[], i: number): boolean {
  for (const t of [tokens[i + 1], tokens[i + 2]]) {
    if (t === undefined) break;
    if (HAPPENINGS.test(hasArabic(t.bare) ? t.bare : t.stem)) return true;
    const cls = eventClassAt(tokens, tokens.indexOf(t));
    if (cls !== null && cls !== 'deny' && cls !== 'state') return true;
  }
  return false;
}

/** Words that may negate, by their written form: most words are passed by with one lookup. */
const MAY_NEGATE = new Map<string, boolean>();

function mayNegate(token: MatchToken): boolean {
  let may = MAY_NEGATE.get(token.folded);
  if (may === undefined) {
    const word = token.folded.replace(/^(و|ف)(?=(لم|لن|لا|ليس|ليست|ليسوا|عدم|لما|بلا|بدون|دون)$)/, '').replace(/^(و|ف)?(ب|ل)(?=عدم$)/, '');
    may = AR_NEGATORS.has(word) || AR_FAILED.test(token.bare) || token.bare === 'صحه' || token.bare === 'غير' || EN_NEGATORS.has(token.bare) || EN_FAILED.test(token.stem);
    if (MAY_NEGATE.size < 200_000) MAY_NEGATE.set(token.folded, may);
  }
  return may;
}

/** How `tokens[i]` negates what follows it, if it does. */
export function negationAt(tokens: readonly MatchToken[], i: number): Negation | null {
  const token = tokens[i]!;
  if (!mayNegate(token)) return null;
  if (hasArabic(token.bare)) {
    // «ولم», «فلا»: the short negators keep their attached و/ف after light stemming.
    const word = token.folded.replace(/^(و|ف)(?=(لم|لن|لا|ليس|ليست|ليسوا|عدم|لما|بلا|بدون|دون)$)/, '').replace(/^(و|ف)?(ب|ل)(?=عدم$)/, '');
    if (AR_NEGATORS.has(word)) {
      if (AR_NOT_NEGATED.test(tokens[i + 1]?.bare ?? '')) return null;
      // «من دون وقوع إصابات», «بلا اتفاق»: without what happens; not «دون تغيير», «بلا كهرباء», «دون سن 18».
      if ((word === 'دون' || word === 'بدون' || word === 'بلا') && !withoutAnEvent(tokens, i)) return null;
      // «طالبا عدم الكشف عن اسمه»: a source asking not to be named.
      if (word === 'عدم' && /^(كشف|ذكر)$/.test(tokens[i + 1]?.bare ?? '')) return null;
      // «لا يبرز سوى …», «لم يبق إلا …»: an exception, which says "only", not "not".
      if ([1, 2, 3, 4].some((k) => /^(سوي|الا)$/.test(tokens[i + k]?.bare ?? ''))) return null;
      return 'negated';
    }
    if (AR_FAILED.test(token.bare)) return 'failed';
    // «الأنباء عن استئناف المفاوضات غير صحيحة»: a denial of what precedes.
    if (token.bare === 'غير' && /^(صحيح|صحيحه|دقيق|دقيقه)$/.test(tokens[i + 1]?.bare ?? '')) return 'denied';
    // «لا صحة لـ», «غير صحيح»: a denial of what follows or precedes.
    if (token.bare === 'صحه' && tokens[i - 1]?.bare === 'لا') return 'denied';
    return null;
  }
  if (EN_NEGATORS.has(token.bare)) {
    // "not only … but also", "no more than 40", "not exceed": not a negation of the event.
    const next = tokens[i + 1]?.bare ?? '';
    if (/^(only|just|merely|fewer|less|more|exceed|exceeding|exceeded|sooner)$/.test(next)) return null;
    // "has yet to enter": not yet; "yet" elsewhere is "but" or "still".
    if (token.bare === 'yet' && next !== 'to') return null;
    if (token.bare === 'without' && !withoutAnEvent(tokens, i)) return null;
    return 'negated';
  }
  // "to prevent further displacement" is a purpose, not a failure.
  if (EN_FAILED.test(token.stem)) return /^(prevent|barr|block)/.test(token.stem) && tokens[i - 1]?.bare === 'to' ? null : 'failed';
  return null;
}

/** Words that end the reach of a negation: a new clause begins. */
export function endsNegationScope(token: MatchToken): boolean {
  return /^(لكن|لكنها|لكنه|بل|بينما|فيما|but|while|whereas|although)$/.test(token.bare);
}

export type Side = 'state' | 'nonstate';

export interface ActorWord {
  side: Side | null;
  /** Words a phrase headed by this word may take after it (its modifiers), to read its side. */
  head: boolean;
}

const STATE_HEADS = /^(جيش|جنود|شرطه|نظام|army|troops|soldiers|military|police|regime|government|junta)$/;
const NONSTATE_HEADS = /^(فصايل|فصيل|معارضه|معارضين|معارضون|مسلحين|مسلحون|ثوار|متمردين|متمردون|مقاتلي|مقاتلو|جماعه|جماعات|ميليشيا|ميليشيات|مليشيات|مليشيا|حماس|حوثيين|حوثيون|داعش|قسد|rebels?|insurgents?|opposition|militants?|fighters|militias?|jihadists?|gunmen|hamas|hezbollah|houthis|rsf|hts|sdf|isis|factions?)$/;
/** Heads that take their side from what follows: «قوات النظام», «قوات المعارضة», "government forces". */
const NEUTRAL_HEADS = /^(قوات|قوه|وحدات|عناصر|طايرات|طيران|مقاتلات|اجهزه|جهاز|forces|force|units|jets|aircraft|warplanes|drones|services)$/;
const STATE_MODIFIERS = /^(نظام|حكوميه|حكومه|امن|شرطه|مسلحه|جيش|government|regime|security|armed|state|pro-government)$/;
const NONSTATE_MODIFIERS = /^(معارضه|معارضه|فصايل|مسلحين|ثوار|دعم|سريع|rebel|opposition|insurgent|paramilitary|rapid|support)$/;

/** Nationalities as the country they name: «الروسية», "Russian". */
const NATIONS: Array<[string, RegExp]> = [
  ['russia', /^(روسي|روسيه|روس|روسيا|russian|russia)$/],
  ['ukraine', /^(اوكراني|اوكرانيه|اوكرانيا|ukrainian|ukraine)$/],
  ['syria', /^(سوري|سوريه|سوريا|syrian|syria)$/],
  ['israel', /^(اسراي?يلي|اسراي?يليه|اسراي?يل|israeli|israel)$/],
  ['turkey', /^(تركي|تركيه|تركيا|turkish|turkey)$/],
  ['iran', /^(ايراني|ايرانيه|ايران|iranian|iran)$/],
  ['us', /^(امريكي|امريكيه|اميركي|اميركيه|american|us)$/],
  ['sudan', /^(سوداني|سودانيه|سودان|sudanese|sudan)$/],
  ['yemen', /^(يمني|يمنيه|يمن|yemeni|yemen)$/],
  ['iraq', /^(عراقي|عراقيه|عراق|iraqi|iraq)$/],
  ['lebanon', /^(لبناني|لبنانيه|لبنان|lebanese|lebanon)$/],
  ['palestine', /^(فلسطيني|فلسطينيه|فلسطين|palestinian|palestine)$/],
  ['egypt', /^(مصري|مصريه|مصر|egyptian|egypt)$/],
  ['libya', /^(ليبي|ليبيه|ليبيا|libyan|libya)$/],
  ['jordan', /^(اردني|اردنيه|اردن|jordanian|jordan)$/],
  ['saudi', /^(سعودي|سعوديه|سعوديه|saudi)$/],
  ['india', /^(هندي|هنديه|هند|indian|india)$/],
  ['pakistan', /^(باكستاني|باكستانيه|باكستان|pakistani|pakistan)$/],
  ['china', /^(صيني|صينيه|صين|chinese|china)$/],
  ['ethiopia', /^(اثيوبي|اثيوبيه|اثيوبيا|ethiopian|ethiopia)$/],
  ['somalia', /^(صومالي|صوماليه|صومال|somali|somalia)$/],
  ['tunisia', /^(تونسي|تونسيه|تونس|tunisian|tunisia)$/],
  ['algeria', /^(جزايري|جزايريه|جزاير|algerian|algeria)$/],
  ['morocco', /^(مغربي|مغربيه|مغرب|moroccan|morocco)$/],
  ['qatar', /^(قطري|قطريه|قطر|qatari|qatar)$/],
  ['greece', /^(يوناني|يونانيه|يونان|greek|greece)$/],
];

function nationOfUncached(token: MatchToken): string | null {
  for (const [nation, pattern] of NATIONS) if (pattern.test(token.bare)) return nation;
  return null;
}

function actorHeadUncached(token: MatchToken): { side: Side | null; neutral: boolean } | null {
  if (STATE_HEADS.test(token.bare)) return { side: 'state', neutral: false };
  if (NONSTATE_HEADS.test(token.bare)) return { side: 'nonstate', neutral: false };
  if (NEUTRAL_HEADS.test(token.bare)) return { side: null, neutral: true };
  return null;
}

function modifierSideUncached(token: MatchToken): Side | null {
  if (STATE_MODIFIERS.test(token.bare)) return 'state';
  if (NONSTATE_MODIFIERS.test(token.bare)) return 'nonstate';
  return null;
}

/** Kinds of places: two claims about a palace and a prison speak of two events. */
const PLACE_NOUNS = /^(قصر|سجن|مطار|قاعده|مستشفي|جامعه|مدينه|بلده|قريه|حي|جسر|معبر|سد|ميناء|مينا|مدرسه|مبني|مقر|ثكنه|كليه|محطه|فندق|سوق|مسجد|كنيسه|قلعه|اكاديميه|فرع|مخيم|حقل|مصفاه|معسكر|palace|prison|jail|airport|airbase|base|hospital|university|city|town|village|district|neighbourhood|neighborhood|bridge|crossing|dam|port|school|building|headquarters|barracks|college|station|hotel|market|mosque|church|citadel|academy|camp|field|refinery|compound)$/;

/** The kind of place `token` names, normalized across languages where it matters little. */
function placeNounUncached(token: MatchToken): string | null {
  // «لسجن», «بمطار»: light stemming leaves a preposition on four-letter words.
  const bare = PLACE_NOUNS.test(token.bare) ? token.bare : /^[لبك]/.test(token.bare) && PLACE_NOUNS.test(token.bare.slice(1)) ? token.bare.slice(1) : null;
  if (bare === null) return null;
  const kind: Record<string, string> = { مدينه: 'settlement', بلده: 'settlement', قريه: 'settlement', city: 'settlement', town: 'settlement', village: 'settlement', jail: 'prison', سجن: 'prison', prison: 'prison', قصر: 'palace', palace: 'palace', مطار: 'airport', airport: 'airport', airbase: 'base', قاعده: 'base', base: 'base', مستشفي: 'hospital', hospital: 'hospital', جسر: 'bridge', bridge: 'bridge', معبر: 'crossing', crossing: 'crossing', سد: 'dam', dam: 'dam' };
  return kind[bare] ?? bare;
}

/** Prepositions after which a verb-first Arabic clause turns from its subject to its object. */
export const AR_OBJECT_PREPOSITIONS = /^(علي|على|من|في|ضد|الي|عن|بين)$/;

/**
 * Each word of a report is looked up in these lexicons, most words many times: what a word is
 * depends on the word alone, so it is worked out once.
 */
interface WordRoles {
  nation: string | null;
  head: { side: Side | null; neutral: boolean } | null;
  modifier: Side | null;
  place: string | null;
}

const ROLES = new Map<string, WordRoles>();

function rolesOf(token: MatchToken): WordRoles {
  let roles = ROLES.get(token.bare);
  if (roles === undefined) {
    roles = { nation: nationOfUncached(token), head: actorHeadUncached(token), modifier: modifierSideUncached(token), place: placeNounUncached(token) };
    if (ROLES.size < 200_000) ROLES.set(token.bare, roles);
  }
  return roles;
}

export function nationOf(token: MatchToken): string | null {
  return rolesOf(token).nation;
}

export function actorHeadAt(token: MatchToken): { side: Side | null; neutral: boolean } | null {
  return rolesOf(token).head;
}

export function modifierSide(token: MatchToken): Side | null {
  return rolesOf(token).modifier;
}

/** The kind of place `token` names, normalized across languages where it matters little. */
export function placeNounOf(token: MatchToken): string | null {
  return rolesOf(token).place;
}
