import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { ar } from './messages-ar';
import { en } from './messages-en';
import { formattingLocale, loadPreferences, savePreferences, type UiPreferences } from './preferences';

interface PreferencesContextValue {
  preferences: UiPreferences;
  setPreferences(next: UiPreferences): void;
}

const PreferencesContext = createContext<PreferencesContextValue | null>(null);

/**
 * The catalog and formats of the editor's language. In Arabic the whole page is right to left,
 * so the chrome mirrors (report A on the right, the side panel on the left) through the
 * document's direction and the style sheet's logical properties.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [preferences, setState] = useState<UiPreferences>(loadPreferences);
  const setPreferences = useCallback((next: UiPreferences) => {
    savePreferences(next);
    setState(next);
  }, []);
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.lang = preferences.language;
    root.dir = preferences.language === 'ar' ? 'rtl' : 'ltr';
    document.title = preferences.language === 'ar' ? ar['app.name'] : en['app.name'];
  }, [preferences.language]);
  const value = useMemo(() => ({ preferences, setPreferences }), [preferences, setPreferences]);
  return (
    <PreferencesContext.Provider value={value}>
      <IntlProvider locale={formattingLocale(preferences)} defaultLocale="en-GB" messages={preferences.language === 'ar' ? ar : en}>
        {children}
      </IntlProvider>
    </PreferencesContext.Provider>
  );
}

export function usePreferences(): PreferencesContextValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside I18nProvider');
  return value;
}
