import { useMemo } from 'react';
import type { RecheckView } from '../../../shared/contract/channels';
import { diffClaimWords } from '../../../shared/engine';
import type { ClaimStatus } from '../../../shared/model/state';
import { useT } from '../i18n/use-t';
import { DiffText } from './DiffText';

interface Props {
  recheck: RecheckView;
  text: string;
  language: string;
  status: ClaimStatus | null;
  busy: boolean;
  onConfirm(): void;
  /** Set when an editor's correction of the claim's boundaries, not the outlet, changed its words. */
  byEditor?: boolean;
}

/**
 * A claim whose words the outlet changed after it was decided: the old words beside the new,
 * what was kept, and one button to say the decision still holds (recorded like any decision).
 */
export function RecheckNotice({ recheck, text, language, status, busy, onConfirm, byEditor = false }: Props) {
  const t = useT();
  const parts = useMemo(() => (recheck.previousText === null ? [] : diffClaimWords(recheck.previousText, text, language)), [recheck.previousText, text, language]);
  const verdict = t(`verdict.${status?.status ?? 'unverified'}`);
  return (
    <section className="recheck-notice" data-recheck-notice aria-labelledby="recheck-heading">
      <h3 id="recheck-heading">
        <span aria-hidden="true">↻ </span>
        {t('recheck.title')}
      </h3>
      <p>{t(byEditor ? 'recheck.bodyBounds' : 'recheck.body', { status: verdict })}</p>
      {recheck.previousText !== null && (
        <figure className="version">
          <figcaption>{t('recheck.previous')}</figcaption>
          <blockquote dir="auto" lang={language} data-recheck-previous>
            <DiffText parts={parts} keep="removed" />
          </blockquote>
        </figure>
      )}
      <button type="button" className="primary small" disabled={busy} onClick={onConfirm}>
        {t('recheck.confirm', { status: verdict })}
      </button>
    </section>
  );
}
