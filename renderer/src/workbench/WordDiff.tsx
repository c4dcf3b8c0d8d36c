import { useMemo } from 'react';
import { diffClaimWords } from '../../../shared/engine';
import type { IndexedClaim } from './comparison-index';

/** Both versions of a claim, each showing the words the other lacks. */
export function WordDiff({ a, b, language }: { a: IndexedClaim; b: IndexedClaim; language: string }) {
  const parts = useMemo(() => diffClaimWords(a.claim.text, b.claim.text, language), [a.claim.text, b.claim.text, language]);
  const version = (entry: IndexedClaim, keep: 'removed' | 'added') => (
    <figure className={`version version--${entry.side}`}>
      <figcaption>
        <span className="pane__side">{entry.side.toUpperCase()}</span> <bdi>{entry.outlet}</bdi>
      </figcaption>
      <blockquote dir="auto" lang={language} data-version={entry.side}>
        {parts.map((part, i) =>
          part.op === 'equal' ? (
            <span key={i}>{part.value}</span>
          ) : part.op === keep ? (
            keep === 'removed' ? (
              <del key={i} title={`only in ${entry.outlet}`}>
                {part.value}
              </del>
            ) : (
              <ins key={i} title={`only in ${entry.outlet}`}>
                {part.value}
              </ins>
            )
          ) : null,
        )}
      </blockquote>
    </figure>
  );
  const [first, second] = a.side === 'a' ? [a, b] : [b, a];
  return (
    <div className="word-diff" role="group" aria-label="Word-level differences">
      {version(first, first === a ? 'removed' : 'added')}
      {version(second, second === a ? 'removed' : 'added')}
      <p className="hint">
        <del>Red, wavy</del>: words only in A. <ins>Green, underlined</ins>: words only in B.
      </p>
    </div>
  );
}
