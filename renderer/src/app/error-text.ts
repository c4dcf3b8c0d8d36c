import { ApiError } from '../api/client';
import type { Translate } from '../i18n/use-t';
import type { MessageId, MessageValues } from '../i18n/messages-keys';

/** An error the renderer itself raises, said in the editor's language when it is shown. */
export class UiError extends Error {
  constructor(
    readonly messageId: MessageId,
    readonly values: MessageValues = {},
  ) {
    super(messageId);
  }
}

/** Refusals of the store and the server the catalog can say in the editor's language, by code. */
const SERVER_CODES = new Set([
  'unauthorized',
  'read-only',
  'no-editor',
  'note-required',
  'same-report',
  'unknown-claim',
  'unknown-evidence',
  'unknown-report',
  'duplicate-report',
  'invalid-input',
  'too-large',
  'internal',
  'outlet-required',
  'fetch-failed',
  'fetch-timeout',
  'fetch-status',
  'fetch-too-large',
  'fetch-not-html',
  'not-linked',
  'same-claim',
]);

/**
 * What to show the editor for a failure. The renderer's own errors come from the catalog. A
 * refusal from the store or the server arrives written in English, with specifics: the English
 * interface shows it as it came; the Arabic one says it from the catalog by its code (with the
 * specifics where they matter), or as it came when the catalog does not know the code.
 */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof UiError) return t(error.messageId, error.values);
  if (error instanceof ApiError && error.code === 'offline') return t('error.offline');
  if (error instanceof ApiError && /^http-\d+$/.test(error.code)) return t('error.http', { status: error.code.slice(5) });
  if (error instanceof ApiError && SERVER_CODES.has(error.code) && document.documentElement.lang === 'ar') {
    return t(`error.server.${error.code}` as MessageId, { detail: error.message });
  }
  return error instanceof Error ? error.message : String(error);
}
