import { describe, expect, it } from 'vitest';
import { defaultPreferences, formattingLocale, readPreferences } from './preferences';

describe('interface preferences', () => {
  it('defaults to Arabic when the first language is Arabic, English otherwise', () => {
    expect(defaultPreferences(['ar-SY', 'en']).language).toBe('ar');
    expect(defaultPreferences(['ar']).language).toBe('ar');
    expect(defaultPreferences(['en-US', 'ar']).language).toBe('en');
    expect(defaultPreferences([]).language).toBe('en');
  });

  it('picks Levantine month names in the Levant, «ديسمبر» in Egypt and the Gulf', () => {
    expect(defaultPreferences(['ar-LB']).months).toBe('levantine');
    expect(defaultPreferences(['ar-EG']).months).toBe('gregorian');
    expect(defaultPreferences(['ar-SA']).months).toBe('gregorian');
  });

  it('keeps a stored choice and ignores a damaged one', () => {
    expect(readPreferences('{"language":"en","digits":"latn","months":"gregorian"}', ['ar'])).toEqual({ language: 'en', digits: 'latn', months: 'gregorian' });
    expect(readPreferences('{"language":"fr"}', ['ar-SY']).language).toBe('ar');
    expect(readPreferences('not json', ['ar-SY']).language).toBe('ar');
  });

  it('formats dates and numbers with the chosen digits and month names', () => {
    const date = new Date('2024-12-01T12:00:00Z');
    const format = (locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
    expect(format(formattingLocale({ language: 'ar', digits: 'arab', months: 'levantine' }))).toBe('١ كانون الأول ٢٠٢٤');
    expect(format(formattingLocale({ language: 'ar', digits: 'latn', months: 'gregorian' }))).toBe('1 ديسمبر 2024');
    expect(format(formattingLocale({ language: 'en', digits: 'arab', months: 'levantine' }))).toBe('1 December 2024');
  });
});
