import { memo, type ReactNode } from 'react';
import type { ReportSummary } from '../../../shared/contract/channels';
import type { Block, ExcludedReason, ParsedReport } from '../../../shared/engine/types';
import { isRightToLeft } from '../../../shared/model/report';
import { VERDICT_LABELS } from '../../../shared/model/verdict';
import type { ComparisonIndex } from './comparison-index';
import { formatPublished } from './format-date';
import { KIND_ICONS, KIND_LABELS, STATUS_ICONS } from './status-style';

const EXCLUDED_LABELS: Record<ExcludedReason, string> = {
  'embedded-post': 'Embedded social post: not a claim of this report',
  'read-also': '“Read also”: another article, not this report',
  'related-links': 'Related links',
  'source-line': 'Source line',
  advertisement: 'Advertisement label',
  duplicate: 'Repeated passage: its claims are counted once',
};

interface Props {
  side: 'a' | 'b';
  summary: ReportSummary;
  parsed: ParsedReport;
  index: ComparisonIndex;
  onPick(claimId: string): void;
  onHover(claimId: string | null): void;
}

/**
 * One report as written, with each claim highlighted by what it is. Selection and hover are
 * shown by classes set from outside (see useClaimFocus), so moving the focus does not re-render
 * the whole text.
 */
export const ReportPane = memo(function ReportPane({ side, summary, parsed, index, onPick, onHover }: Props) {
  const { text } = parsed.report;
  const direction = isRightToLeft(text) ? 'rtl' : 'ltr';
  const claimsByBlock = groupClaims(parsed);

  const renderParagraph = (block: Block, key: number): ReactNode => {
    const parts: ReactNode[] = [];
    let cursor = block.start;
    for (const claim of claimsByBlock.get(block.start) ?? []) {
      if (claim.start > cursor) parts.push(text.slice(cursor, claim.start));
      const entry = index.byId.get(claim.id);
      const kind = entry?.kind ?? 'single';
      const status = entry?.status ?? 'unverified';
      const pair = index.pairNumber.get(claim.id);
      parts.push(
        <mark
          key={claim.id}
          data-claim-id={claim.id}
          data-match-id={entry?.matches[0]?.id}
          data-kind={kind}
          data-status={status}
          className={`claim claim--${kind} status--${status}`}
          title={`${KIND_LABELS[kind]} · ${VERDICT_LABELS[status]}`}
          onClick={() => onPick(claim.id)}
          onMouseEnter={() => onHover(claim.id)}
          onMouseLeave={() => onHover(null)}
        >
          {pair !== undefined && (
            <sup className="pair-badge" aria-label={`pair ${pair}`}>
              {KIND_ICONS[kind]}
              {pair}
            </sup>
          )}
          {text.slice(claim.start, claim.end)}
          {status !== 'unverified' && (
            <span className="status-badge" role="img" aria-label={VERDICT_LABELS[status]}>
              {STATUS_ICONS[status]}
            </span>
          )}
        </mark>,
      );
      cursor = claim.end;
    }
    if (cursor < block.end) parts.push(text.slice(cursor, block.end));
    return (
      <p key={key} className="block block--paragraph">
        {parts}
      </p>
    );
  };

  return (
    <section className="pane" data-report-id={summary.id} data-side={side} aria-label={`Report: ${summary.outlet}`}>
      <header className="pane__header" dir="auto">
        <div className="pane__outlet">
          <span className="pane__side">{side.toUpperCase()}</span>
          <bdi>{summary.outlet}</bdi>
          <span className="pane__date">{formatPublished(summary.publishedAt)}</span>
        </div>
        <h2 className="pane__title" dir={direction} lang={summary.language}>
          {parsed.title || summary.title}
        </h2>
      </header>
      <div className="pane__body" dir={direction} lang={summary.language} data-pane-body={side}>
        {parsed.blocks.map((block, key) => {
          const content = text.slice(block.start, block.end);
          switch (block.kind) {
            case 'headline':
              return null;
            case 'heading':
              return (
                <h3 key={key} className="block block--heading">
                  {content}
                </h3>
              );
            case 'excluded':
              return (
                <aside key={key} className="block block--excluded" data-reason={block.reason}>
                  <span className="excluded-label" dir="ltr">
                    {EXCLUDED_LABELS[block.reason]}
                  </span>
                  {content}
                </aside>
              );
            case 'paragraph':
              return renderParagraph(block, key);
          }
        })}
      </div>
    </section>
  );
});

/** Claims by the start of the paragraph that holds them, in order. */
function groupClaims(parsed: ParsedReport): Map<number, ParsedReport['claims']> {
  const paragraphs = parsed.blocks.filter((b) => b.kind === 'paragraph');
  const byBlock = new Map<number, ParsedReport['claims']>();
  let i = 0;
  for (const claim of [...parsed.claims].sort((x, y) => x.start - y.start)) {
    while (i < paragraphs.length && paragraphs[i]!.end < claim.end) i++;
    const block = paragraphs[i];
    if (!block || claim.start < block.start) continue;
    const list = byBlock.get(block.start);
    if (list) list.push(claim);
    else byBlock.set(block.start, [claim]);
  }
  return byBlock;
}
