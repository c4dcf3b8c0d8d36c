/** The interface's language and how it writes dates and numbers: the editor's, kept on this device. */
export type UiLanguage = 'ar' | 'en';
/** Arabic-Indic (٠١٢) or Latin (012) digits in the Arabic interface. */
export type Digits = 'arab' | 'latn';
/** Levantine month names («كانون الأول») or the Egyptian and Gulf ones («ديسمبر»). */
export type MonthNames = 'levantine' | 'gregorian';

export interface UiPreferences {
  language: UiLanguage;
  digits: Digits;
  months: MonthNames;
}

const KEY = 'isnad-ui';
/** Where «كانون الأول» is the month's everyday name. */
const LEVANT = new Set(['SY', 'LB', 'JO', 'PS', 'IQ']);

/** Arabic when the browser's (or, in the app, the system's) first language is Arabic. */
export function defaultPreferences(languages: readonly string[]): UiPreferences {
  const first = (languages[0] ?? 'en').toLowerCase();
  const region = /^ar-([a-z]{2})\b/.exec(first)?.[1]?.toUpperCase();
  return {
    language: first === 'ar' || first.startsWith('ar-') ? 'ar' : 'en',
    digits: 'arab',
    months: region && !LEVANT.has(region) ? 'gregorian' : 'levantine',
  };
}

export function readPreferences(stored: string | null, languages: readonly string[]): UiPreferences {
  const fallback = defaultPreferences(languages);
  try {
    const value = JSON.parse(stored ?? 'null') as Partial<UiPreferences> | null;
    if (!value || typeof value !== 'object') return fallback;
    return {
      language: value.language === 'ar' || value.language === 'en' ? value.language : fallback.language,
      digits: value.digits === 'arab' || value.digits === 'latn' ? value.digits : fallback.digits,
      months: value.months === 'levantine' || value.months === 'gregorian' ? value.months : fallback.months,
    };
  } catch {
    return fallback;
  }
}

export function loadPreferences(): UiPreferences {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // Storage refused (a locked-down browser profile): the defaults still apply.
  }
  return readPreferences(stored, navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function savePreferences(preferences: UiPreferences): void {
  localStorage.setItem(KEY, JSON.stringify(preferences));
}

/**
 * The locale `Intl` formats with: Levantine month names come with Syria's Arabic, the digits with
 * the `nu` extension; English dates read "Sunday 1 December 2024".
 */
export function formattingLocale(preferences: UiPreferences): string {
  if (preferences.language === 'en') return 'en-GB';
  return `${preferences.months === 'levantine' ? 'ar-SY' : 'ar'}-u-nu-${preferences.digits}`;
}
