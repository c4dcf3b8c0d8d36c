import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { diffClaimWords } from '../../../shared/engine';
import { useT } from '../i18n/use-t';
import type { IndexedClaim } from './comparison-index';

/**
 * Both versions of a claim, each showing the words the other lacks. The diff always runs from
 * A's version to B's, whichever side the editor selected, so A's own words are the red ones and
 * B's the green ones, as the legend under it says.
 */
export function WordDiff({ a, b, language }: { a: IndexedClaim; b: IndexedClaim; language: string }) {
  const t = useT();
  const [first, second] = a.side === 'a' ? [a, b] : [b, a];
  const parts = useMemo(() => diffClaimWords(first.claim.text, second.claim.text, language), [first.claim.text, second.claim.text, language]);
  const version = (entry: IndexedClaim, keep: 'removed' | 'added') => (
    <figure className={`version version--${entry.side}`}>
      <figcaption>
        <span className="pane__side">{t(entry.side === 'a' ? 'side.a' : 'side.b')}</span> <bdi>{entry.outlet}</bdi>
      </figcaption>
      <blockquote dir="auto" lang={language} data-version={entry.side}>
        {parts.map((part, i) =>
          part.op === 'equal' ? (
            <span key={i}>{part.value}</span>
          ) : part.op === keep ? (
            keep === 'removed' ? (
              <del key={i} title={t('diff.onlyIn', { outlet: entry.outlet })}>
                {part.value}
              </del>
            ) : (
              <ins key={i} title={t('diff.onlyIn', { outlet: entry.outlet })}>
                {part.value}
              </ins>
            )
          ) : null,
        )}
      </blockquote>
    </figure>
  );
  return (
    <div className="word-diff" role="group" aria-label={t('diff.label')}>
      {version(first, 'removed')}
      {version(second, 'added')}
      <p className="hint diff-legend">
        <FormattedMessage id="diff.legend" values={{ del: (chunks) => <del>{chunks}</del>, ins: (chunks) => <ins>{chunks}</ins> }} />
      </p>
    </div>
  );
}
