import { memo, type ReactNode } from 'react';
import type { Block, Claim } from '../../../shared/engine/types';
import { useT } from '../i18n/use-t';
import type { ComparisonIndex } from './comparison-index';
import { KIND_ICONS, STATUS_ICONS } from './status-style';

/** Which claims the editor is looking at: drawn on the highlights, in both panes. */
export interface ClaimFocus {
  selected: string | null;
  partners: ReadonlySet<string>;
  hovered: string | null;
  hoveredPartners: ReadonlySet<string>;
}

function focusClasses(id: string, focus: ClaimFocus): string {
  let classes = '';
  if (id === focus.selected) classes += ' is-selected';
  if (focus.partners.has(id)) classes += ' is-partner';
  if (id === focus.hovered && id !== focus.selected) classes += ' is-hovered';
  if (focus.hoveredPartners.has(id)) classes += ' is-partner-hovered';
  return classes;
}

interface Props {
  block: Block;
  text: string;
  claims: readonly Claim[];
  index: ComparisonIndex;
  focus: ClaimFocus;
  onPick(claimId: string): void;
  onHover(claimId: string | null): void;
}

/**
 * One block of a report: a paragraph with its claims highlighted, a heading, or a set-apart
 * passage. Memoized: scrolling a long report re-renders only the blocks coming into view.
 */
export const ClaimBlock = memo(function ClaimBlock({ block, text, claims, index, focus, onPick, onHover }: Props) {
  const t = useT();
  const content = text.slice(block.start, block.end);
  switch (block.kind) {
    case 'headline':
      return null;
    case 'heading':
      return <h3 className="block block--heading">{content}</h3>;
    case 'excluded':
      return (
        <aside className="block block--excluded" data-reason={block.reason}>
          <span className="excluded-label">{t(`excluded.${block.reason}`)}</span>
          {/* Each line on its own direction: a credit like "— Name (@outlet)" keeps its brackets. */}
          {content.split('\n').map((line, i) => (
            <span key={i} className="excluded-line" dir="auto">
              {line}
            </span>
          ))}
        </aside>
      );
    case 'paragraph': {
      const parts: ReactNode[] = [];
      let cursor = block.start;
      for (const claim of claims) {
        if (claim.start > cursor) parts.push(text.slice(cursor, claim.start));
        const entry = index.byId.get(claim.id);
        const kind = entry?.kind ?? 'single';
        const status = entry?.status ?? 'unverified';
        const pair = index.pairNumber.get(claim.id);
        const recheck = entry?.needsRecheck === true;
        parts.push(
          <mark
            key={claim.id}
            data-claim-id={claim.id}
            data-match-id={entry?.matches[0]?.id}
            data-kind={kind}
            data-status={status}
            data-recheck={recheck ? 'true' : undefined}
            className={`claim claim--${kind} status--${status}${recheck ? ' needs-recheck' : ''}${focusClasses(claim.id, focus)}`}
            aria-current={claim.id === focus.selected ? 'true' : undefined}
            title={`${t(`kind.${kind}.label`)} · ${t(`verdict.${status}`)}${recheck ? ` · ${t('recheck.badge')}` : ''}`}
            onClick={() => onPick(claim.id)}
            onMouseEnter={() => onHover(claim.id)}
            onMouseLeave={() => onHover(null)}
          >
            {pair !== undefined && (
              <sup className="pair-badge" aria-label={t('pane.pair', { number: pair })}>
                {KIND_ICONS[kind]}
                {pair}
              </sup>
            )}
            {text.slice(claim.start, claim.end)}
            {status !== 'unverified' && (
              <span className="status-badge" role="img" aria-label={t(`verdict.${status}`)}>
                {STATUS_ICONS[status]}
              </span>
            )}
            {recheck && (
              <span className="recheck-badge" role="img" aria-label={t('recheck.badge')}>
                ↻
              </span>
            )}
          </mark>,
        );
        cursor = claim.end;
      }
      if (cursor < block.end) parts.push(text.slice(cursor, block.end));
      // data-offset: where the paragraph starts in the report's text, so a selection in it names its span (text-selection.ts).
      return (
        <p className="block block--paragraph" data-offset={block.start}>
          {parts}
        </p>
      );
    }
  }
});
