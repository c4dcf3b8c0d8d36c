import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from './messages-en';

export type MessageValues = Record<string, string | number | Date | null | undefined>;
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** Looks a message up in the editor's catalog: `t('evidence.heading', { count: 2 })`. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values ?? undefined) as string, [intl]);
}

/** Dates and numbers in the editor's locale: digits and month names as chosen in Settings. */
export function useFormat() {
  const intl = useIntl();
  const t = useT();
  return {
    /** "Sunday 1 December 2024": the weekday matters to an editor checking «الأحد» against a date. */
    published(date: string | null): string {
      if (!date) return t('date.unknown');
      const parsed = new Date(date.length === 10 ? `${date}T12:00:00Z` : date);
      if (Number.isNaN(parsed.getTime())) return date;
      return intl.formatDate(parsed, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    },
    moment(iso: string): string {
      return intl.formatDate(new Date(iso), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    },
    number(value: number): string {
      return intl.formatNumber(value);
    },
  };
}
