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

/**
 * What to show the editor for a failure. The renderer's own errors come from the catalog; a
 * refusal from the store or the server arrives already written, and is shown as it came.
 */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof UiError) return t(error.messageId, error.values);
  if (error instanceof ApiError && error.code === 'offline') return t('error.offline');
  if (error instanceof ApiError && /^http-\d+$/.test(error.code)) return t('error.http', { status: error.code.slice(5) });
  return error instanceof Error ? error.message : String(error);
}
