import { describe, expect, it } from 'vitest';
import { foldArabicScript, stemArabicWord } from './arabic';
import { stemEnglishWord } from './english';
import { normalizeForMatch, normalizeForSearch, tokenizeForMatch } from './normalize';

describe('foldArabicScript', () => {
  it('removes diacritics and tatweel', () => {
    expect(foldArabicScript('نُراقِبُ')).toBe('نراقب');
    expect(foldArabicScript('الملـــحة')).toBe('الملحه');
  });

  it('folds alef variants, ى and ة', () => {
    expect(foldArabicScript('أإآٱ')).toBe('اااا');
    expect(foldArabicScript('مستشفى')).toBe('مستشفي');
    expect(foldArabicScript('مدينة')).toBe('مدينه');
  });

  it('converts Arabic-Indic and Persian digits', () => {
    expect(foldArabicScript('٢٠٢٤ و۱۶٫۷')).toBe('2024 و16.7');
  });
});

describe('light stemming', () => {
  it('strips attached particles and the article, not root letters', () => {
    expect(stemArabicWord('والمدنيين')).toBe('مدن');
    expect(stemArabicWord('بقياده')).toBe(stemArabicWord('القياده'));
    expect(stemArabicWord('وزير')).toBe('وزير');
    expect(stemArabicWord('بيان')).toBe('بيان');
    expect(stemArabicWord('فصايل')).toBe('فصايل');
  });

  it('reads the accusative alif and the plural of verbs as the word', () => {
    expect(stemArabicWord('حوارا')).toBe(stemArabicWord('حوار'));
    expect(stemArabicWord('مقعدا')).toBe(stemArabicWord('مقعد'));
    expect(stemArabicWord('حصلوا')).toBe(stemArabicWord('حصل'));
    // A long vowel before the alif is the word's own: «دعا», «سوريا».
    expect(stemArabicWord('دعا')).toBe('دعا');
    expect(stemArabicWord('سوريا')).toBe('سوريا');
  });

  it('keeps short words whole', () => {
    expect(stemArabicWord('حل')).toBe('حل');
    expect(stemArabicWord('في')).toBe('في');
  });

  it('stems English inflections to one key', () => {
    expect(stemEnglishWord('seized')).toBe(stemEnglishWord('seizes'));
    expect(stemEnglishWord('seizing')).toBe(stemEnglishWord('seize'));
    expect(stemEnglishWord('civilians')).toBe('civilian');
    expect(stemEnglishWord('countries')).toBe(stemEnglishWord('country'));
    expect(stemEnglishWord("britain's")).toBe('britain');
  });
});

describe('normalizeForMatch', () => {
  it('reads number words as numbers', () => {
    expect(normalizeForMatch('عشرين')).toBe(normalizeForMatch('20'));
    expect(normalizeForMatch('ثلاثة')).toBe('3');
    expect(normalizeForMatch('خمسة وعشرون')).toBe('25');
    expect(normalizeForMatch('ثلاثة عشر')).toBe('13');
    expect(normalizeForMatch('16.7 مليون')).toBe('16700000');
    expect(normalizeForMatch('١٦٫٧ مليون')).toBe('16700000');
    expect(normalizeForMatch('ثلاثة آلاف')).toBe('3000');
    expect(normalizeForMatch('نصف مليون')).toBe('500000');
    expect(normalizeForMatch('twenty-five')).toBe('25');
    expect(normalizeForMatch('two hundred and five')).toBe('205');
    expect(normalizeForMatch('1.5 million')).toBe('1500000');
    expect(normalizeForMatch('2,254')).toBe('2254');
  });

  it('does not join separate numbers', () => {
    expect(normalizeForMatch('2011 2016')).toBe('2011 2016');
  });

  it('strips punctuation and folds', () => {
    expect(normalizeForMatch('«الأحياء»،')).toBe(normalizeForMatch('الاحياء'));
    expect(normalizeForMatch('The Civilians!')).toBe('the civilian');
  });

  it('gives exact offsets for every word', () => {
    const text = 'سيطرت فصائل مسلّحة، الأحد، على 16.7 مليون "U.S." 😀 Britain\'s';
    for (const token of tokenizeForMatch(text, 'ar')) {
      expect(text.slice(token.start, token.end).length).toBe(token.end - token.start);
      expect(foldArabicScript(text.slice(token.start, token.end).toLowerCase())).toBe(token.folded);
    }
  });

  it('marks words written in capitals, so acronyms do not match pronouns', () => {
    const [us, pronoun] = tokenizeForMatch('US us', 'en');
    expect(us?.upper).toBe(true);
    expect(pronoun?.upper).toBe(false);
  });
});

describe('normalizeForSearch', () => {
  it('finds a word whatever its hamza, diacritics or case', () => {
    const haystack = normalizeForSearch('وقالت «إسرائيل»، في بيانٍ: Ministry');
    expect(haystack.includes(normalizeForSearch('اسرائيل'))).toBe(true);
    expect(haystack.includes(normalizeForSearch('بيان'))).toBe(true);
    expect(haystack.includes(normalizeForSearch('ministry'))).toBe(true);
    expect(haystack.includes(normalizeForSearch('إسرائيل في'))).toBe(true);
  });

  it('folds Latin accents and Arabic digits', () => {
    expect(normalizeForSearch('Türkiye ٢٠٢٤')).toBe('turkiye 2024');
  });
});
