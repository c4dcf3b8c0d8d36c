/**
 * Arabic-script folding and light stemming, for matching only (never for display).
 * Folding works per UTF-16 code unit through a lookup table because it runs on every word of
 * megabyte-sized reports; chained regex replacements were the slowest part of tokenizing.
 */

/** Code unit → replacement ('' drops it). Built once. */
const FOLD = new Map<number, string>();
// Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks, tatweel.
for (let c = 0x0610; c <= 0x061a; c++) FOLD.set(c, '');
for (let c = 0x064b; c <= 0x065f; c++) FOLD.set(c, '');
for (let c = 0x06d6; c <= 0x06ed; c++) FOLD.set(c, '');
FOLD.set(0x0670, '');
FOLD.set(0x0640, '');
// Zero-width joiners and marks that editors paste in by accident.
for (const c of [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0xfeff]) FOLD.set(c, '');
// Alef variants: أ إ آ ٱ → ا
for (const c of [0x0622, 0x0623, 0x0625, 0x0671]) FOLD.set(c, '\u0627');
FOLD.set(0x0649, '\u064a'); // ى → ي
FOLD.set(0x0629, '\u0647'); // ة → ه
FOLD.set(0x0624, '\u0648'); // ؤ → و
FOLD.set(0x0626, '\u064a'); // ئ → ي
FOLD.set(0x06a9, '\u0643'); // Persian keheh → ك
FOLD.set(0x06cc, '\u064a'); // Persian yeh → ي
// Arabic-Indic and Persian digits, and the Arabic decimal and thousands separators.
for (let d = 0; d <= 9; d++) {
  FOLD.set(0x0660 + d, String(d));
  FOLD.set(0x06f0 + d, String(d));
}
FOLD.set(0x066b, '.');
FOLD.set(0x066c, ',');
FOLD.set(0x066a, '%');

/**
 * Folds Arabic script variants, drops diacritics and tatweel, converts digits, lowercases Latin.
 * Keeps length-changing edits local, so the result is only for comparison.
 */
export function foldArabicScript(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x0600 && !(code >= 0x200b && code <= 0x200f) && code !== 0xfeff) continue;
    const replacement = FOLD.get(code);
    if (replacement === undefined) continue;
    out += text.slice(runStart, i) + replacement;
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

export function hasArabicLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x0620 && code <= 0x064a) return true;
  }
  return false;
}

/** Common words that begin with و ب ل ك as part of the word, not as an attached particle. */
const ROOT_INITIAL = new Set(
  (
    'وزير وزيره وزاره وزراء وكاله وكالات وفد وفاه وصول وسط وسائل وجود وحده وطني وطنيه وطن ورقه وثيقه واقع وقف وعد وعود ' +
    'ولايه ولايات وضع وقت والد واحد واحده وحشيه وادي ولي واشنطن وليد وزن ورد وصف وجه وجهه وفقا وفق ' +
    'بيان بين بعد بلد بلده بلدات بنيه بيت بحر برلمان بشار بيروت بغداد بوتين بقاء بدايه بحث برنامج بطل بقيه بلاد ' +
    'بلديه بدء بارو بيربوك بيبروك بريطانيا بكين بنك باب بري بحريه بالغ بلغ ' +
    'لجنه لبنان لقاء لقطات لقطه لحظات لحظه ليبيا ليله لواء لغه لاجي لاجيين لندن لدي لكن لعب ' +
    'كانون كتيبه كتايب كلفه كليه كنيسه كهرباء كيلومتر كيلومترات كل كان كانت كبير كبري كثير كتايب كلمه كيف كامل كما كذلك كندا كييف كرم كلي'
  ).split(' '),
);

const DEFINITE_PREFIXES = ['وبال', 'وكال', 'فبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال'];
/** ف is only taken off before the article («فالحكومة»): too many words start with it (فصائل, فرنسا). */
const PARTICLES = ['و'];
const PREPOSITIONS = ['ب', 'ل', 'ك'];

/**
 * Strips the attached particle و, prepositions (ب ل ك) and the article (ال, لل, وال, فال …).
 * A remainder shorter than three letters is never produced: short words are mostly roots.
 */
export function stripArabicProclitics(word: string): string {
  if (ROOT_INITIAL.has(word)) return word;
  for (const prefix of DEFINITE_PREFIXES) {
    if (word.length - prefix.length >= 3 && word.startsWith(prefix)) {
      // "لل" before a word starting with ل (لله) would eat a root letter; those are rare enough.
      return word.slice(prefix.length);
    }
  }
  let rest = word;
  if (rest.length >= 4 && PARTICLES.includes(rest[0] as string)) {
    const next = rest.slice(1);
    if (ROOT_INITIAL.has(next)) return next;
    rest = next;
  }
  // Only from longer words: «بدأت», «بلدة», «لحظة» would lose a root letter.
  if (rest.length >= 5 && PREPOSITIONS.includes(rest[0] as string) && !ROOT_INITIAL.has(rest)) {
    rest = rest.slice(1);
  }
  return rest;
}

/** Longest first; each needs a stem of at least three letters to be removed. */
const SUFFIXES = ['يين', 'يون', 'هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'نا', 'ات', 'ون', 'ين', 'ان', 'يه', 'ه', 'ي'];

/** Removes one common suffix (plural, feminine, nisba, attached pronoun). */
export function stripArabicSuffix(word: string): string {
  // Feminine past-tense ت (سيطرت → سيطر), but not the plural ات.
  if (word.length >= 5 && word.endsWith('ت') && !word.endsWith('ات')) return word.slice(0, -1);
  // The plural of verbs, «حصلوا» → «حصل».
  if (word.length >= 5 && word.endsWith('وا')) return word.slice(0, -2);
  // The accusative's alif, «حوارا» → «حوار», «مقعدا» → «مقعد»: not after a long vowel («دعا», «سوريا»).
  if (word.length >= 4 && word.endsWith('ا') && !/[اويى]/.test(word[word.length - 2]!)) return stripArabicSuffix(word.slice(0, -1));
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Folded word → light stem. Both steps are deterministic, so both reports stem alike. */
export function stemArabicWord(folded: string): string {
  return stripArabicSuffix(stripArabicProclitics(folded));
}

const CORE_PREFIX = /^(است|ان|ست|س|ي|ت|ن|ا|م)/;
const CORE_SUFFIX = /(ات|ون|ين|وا|ه|ت|ا|ي)$/;

/**
 * A rough core of a bare Arabic word, for telling forms of one word apart from other words where
 * light stems differ: «ينسحب» and «انسحبت» → «سحب», «ستعود» and «عودة» → «عود».
 */
export function arabicCore(bare: string): string {
  let core = bare;
  for (let k = 0; k < 2 && core.length > 3; k++) core = core.replace(CORE_PREFIX, '');
  if (core.length > 3) core = core.replace(CORE_SUFFIX, '');
  return core;
}

/** Two cores of at least three letters, one inside the other: forms of one word. */
export function coresMeet(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.includes(short);
}
