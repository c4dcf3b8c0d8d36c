/**
 * Long synthetic reports for the scale test and the bench: sentences of real reports recombined,
 * with places, numbers, weekdays and quantifiers varied, so a second report shares some facts with
 * the first (told differently) and the matcher has real work to do. Deterministic for a seed.
 */

const PLACES = ['حلب', 'إدلب', 'حماة', 'حمص', 'دمشق', 'درعا', 'الرقة', 'دير الزور', 'اللاذقية', 'طرطوس', 'منبج', 'عفرين', 'الباب', 'سراقب', 'تدمر', 'القامشلي'];
const WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
const QUANTIFIERS = ['كل', 'معظم', 'بعض', 'جميع'];
const SYLLABLES = ['تل', 'كفر', 'عين', 'دير', 'خان', 'بيت', 'جسر', 'رأس'];
const NAMES = ['الزهراء', 'النور', 'السلام', 'الحمرا', 'الشيخ', 'العمر', 'الورد', 'الريان', 'البيدر', 'الصفا', 'الكرم', 'الفرات'];

/** A small, seedable generator (mulberry32): the same seed gives the same report. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Bytes of `text` in UTF-8, without TextEncoder (not part of the ES library). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function vary(sentence: string, random: () => number): string {
  const place = new RegExp(PLACES.join('|'), 'g');
  return sentence
    .replace(/\d+(?:\.\d+)?/g, () => String(Math.floor(random() * 5000) + 2))
    .replace(place, () => pick(random, PLACES))
    .replace(new RegExp(WEEKDAYS.join('|'), 'g'), () => pick(random, WEEKDAYS))
    .replace(/(^|\s)(كل|معظم|بعض|جميع)(?=\s)/g, (_m, space: string) => `${space}${pick(random, QUANTIFIERS)}`)
    .replace(/([.؟!])$/, () => ` في ${pick(random, SYLLABLES)} ${pick(random, NAMES)}$1`);
}

export interface SyntheticPair {
  a: string;
  b: string;
}

/**
 * Two reports of about `bytes` UTF-8 bytes each. About a third of the second report's sentences
 * retell sentences of the first (another number, another quantifier, a weekday moved).
 */
export function syntheticReportPair(sentences: readonly string[], bytes: number, seed = 1): SyntheticPair {
  const random = seededRandom(seed);
  const build = (retell: readonly string[] | null): { text: string; sentences: string[] } => {
    const paragraphs: string[] = [];
    const used: string[] = [];
    let size = 0;
    while (size < bytes) {
      const count = 1 + Math.floor(random() * 3);
      const paragraph: string[] = [];
      for (let i = 0; i < count; i++) {
        const source = retell !== null && random() < 0.35 ? pick(random, retell) : vary(pick(random, sentences), random);
        const sentence = retell !== null && retell.includes(source) ? vary(source, random) : source;
        paragraph.push(sentence);
        used.push(sentence);
      }
      const text = random() < 0.08 ? `${pick(random, NAMES).replace('ال', '')} ${pick(random, PLACES)}\n\n${paragraph.join(' ')}` : paragraph.join(' ');
      paragraphs.push(text);
      size += utf8Length(text) + 2;
    }
    return { text: paragraphs.join('\n\n'), sentences: used };
  };
  const a = build(null);
  const b = build(a.sentences);
  return { a: a.text, b: b.text };
}
