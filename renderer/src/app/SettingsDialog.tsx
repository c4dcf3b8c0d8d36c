import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../shared/model/events';
import { call } from '../api/client';
import { usePreferences } from '../i18n/I18nProvider';
import type { Digits, MonthNames, UiLanguage } from '../i18n/preferences';
import { useT } from '../i18n/use-t';
import { Dialog } from './Dialog';
import { errorText } from './error-text';

interface Props {
  settings: Settings;
  /** Opened from an export that needs the organization: the cursor goes to its field. */
  focusOrganization?: boolean;
  onClose(): void;
  onSaved(): void;
}

/**
 * The editor's name (on every decision), the newsroom that publishes the fact-checks, and the
 * interface's language and number and month forms (kept on this device, not in the record).
 */
export function SettingsDialog({ settings, focusOrganization, onClose, onSaved }: Props) {
  const t = useT();
  const { preferences, setPreferences } = usePreferences();
  const [editorName, setEditorName] = useState(settings.editorName ?? '');
  const [organizationName, setOrganizationName] = useState(settings.organizationName ?? '');
  const [organizationUrl, setOrganizationUrl] = useState(settings.organizationUrl ?? '');
  const [language, setLanguage] = useState<UiLanguage>(preferences.language);
  const [digits, setDigits] = useState<Digits>(preferences.digits);
  const [months, setMonths] = useState<MonthNames>(preferences.months);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const organizationRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusOrganization) organizationRef.current?.focus();
  }, [focusOrganization]);

  return (
    <Dialog title={t('settings.title')} onClose={onClose}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const interfaceChanged = language !== preferences.language || digits !== preferences.digits || months !== preferences.months;
          const changes: Partial<Settings> = {};
          if (editorName.trim() !== (settings.editorName ?? '')) changes.editorName = editorName.trim();
          if (organizationName.trim() !== (settings.organizationName ?? '')) changes.organizationName = organizationName.trim() || null;
          if (organizationUrl.trim() !== (settings.organizationUrl ?? '')) changes.organizationUrl = organizationUrl.trim() || null;
          if (Object.keys(changes).length === 0) {
            if (interfaceChanged) setPreferences({ language, digits, months });
            return interfaceChanged ? onSaved() : onClose();
          }
          setBusy(true);
          try {
            await call('settings:update', changes);
            if (interfaceChanged) setPreferences({ language, digits, months });
            onSaved();
          } catch (e) {
            setError(errorText(e, t));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label>
          {t('settings.editorName')}
          <input dir="auto" required maxLength={120} value={editorName} onChange={(e) => setEditorName(e.target.value)} />
        </label>
        <label>
          {t('settings.organization')}
          <input ref={organizationRef} dir="auto" maxLength={200} value={organizationName} onChange={(e) => setOrganizationName(e.target.value)} />
        </label>
        <label>
          {t('settings.organizationUrl')}
          <input type="url" dir="ltr" placeholder="https://…" value={organizationUrl} onChange={(e) => setOrganizationUrl(e.target.value)} />
        </label>
        <p className="hint">{t('settings.recorded')}</p>
        <fieldset className="interface-settings">
          <legend>{t('settings.interface')}</legend>
          <label>
            {t('settings.language')}
            <select value={language} onChange={(e) => setLanguage(e.target.value as UiLanguage)}>
              <option value="ar" lang="ar">
                {t('settings.language.ar')}
              </option>
              <option value="en" lang="en">
                {t('settings.language.en')}
              </option>
            </select>
          </label>
          <label>
            {t('settings.digits')}
            <select value={digits} onChange={(e) => setDigits(e.target.value as Digits)}>
              <option value="arab">{t('settings.digits.arab')}</option>
              <option value="latn">{t('settings.digits.latn')}</option>
            </select>
          </label>
          <label>
            {t('settings.months')}
            <select value={months} onChange={(e) => setMonths(e.target.value as MonthNames)}>
              <option value="levantine">{t('settings.months.levantine')}</option>
              <option value="gregorian">{t('settings.months.gregorian')}</option>
            </select>
          </label>
          <p className="hint">{t('settings.interfaceHint')}</p>
        </fieldset>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || editorName.trim() === ''}>
          {t('settings.save')}
        </button>
      </form>
    </Dialog>
  );
}
