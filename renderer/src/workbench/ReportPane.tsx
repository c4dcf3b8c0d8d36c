import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { ReportSummary } from '../../../shared/contract/channels';
import type { Block, Claim, ParsedReport } from '../../../shared/engine/types';
import { isRightToLeft } from '../../../shared/model/report';
import { ClaimBlock, type ClaimFocus } from './ClaimBlock';
import type { ComparisonIndex } from './comparison-index';
import { useFormat, useT } from '../i18n/use-t';

interface Props {
  side: 'a' | 'b';
  summary: ReportSummary;
  parsed: ParsedReport;
  index: ComparisonIndex;
  focus: ClaimFocus;
  /** A claim to bring into view; the nonce repeats the request for the same claim. */
  reveal: { claimId: string; nonce: number } | null;
  /** How many versions the report has (1: none but itself). */
  versions: number;
  onVersions(): void;
  onPick(claimId: string): void;
  onHover(claimId: string | null): void;
}

/** Short reports are drawn whole; long ones only around what is on screen. */
const DRAW_WHOLE_UP_TO = 80;

/** A block's height before it is measured: about 60 characters a line at 34 px a line. */
function estimateHeight(block: Block): number {
  if (block.kind === 'heading') return 48;
  if (block.kind === 'excluded') return 150;
  return 14 + Math.ceil((block.end - block.start) / 60) * 34;
}

/**
 * One report as written, with each claim highlighted by what it is. The blocks are virtualized,
 * so a 50,000-word report costs the same to draw as the part of it on screen.
 */
export function ReportPane({ side, summary, parsed, index, focus, reveal, versions, onVersions, onPick, onHover }: Props) {
  const t = useT();
  const format = useFormat();
  const { text } = parsed.report;
  // Memoized: the pane renders on every scroll frame of a long report.
  const direction = useMemo(() => (isRightToLeft(text) ? 'rtl' : 'ltr'), [text]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => mergeExcluded(parsed.blocks.filter((b) => b.kind !== 'headline')), [parsed]);
  const { claimsByBlock, blockOfClaim } = useMemo(() => placeClaims(blocks, parsed.claims), [blocks, parsed.claims]);

  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: (i) => estimateHeight(blocks[i]!),
    overscan: blocks.length <= DRAW_WHOLE_UP_TO ? blocks.length : 6,
  });

  useEffect(() => {
    if (!reveal) return;
    const at = blockOfClaim.get(reveal.claimId);
    if (at === undefined) return;
    const body = bodyRef.current;
    const mark = body?.querySelector(`mark[data-claim-id="${CSS.escape(reveal.claimId)}"]`);
    if (!body || !mark) return virtualizer.scrollToIndex(at, { align: 'center' });
    // Leave the pane still when the claim is already in full view; otherwise centre it. Only the
    // pane scrolls: scrollIntoView would scroll the page too where the page itself scrolls.
    const box = body.getBoundingClientRect();
    const rect = mark.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom) body.scrollTop += rect.top - box.top - (box.height - rect.height) / 2;
  }, [reveal, blockOfClaim, virtualizer]);

  return (
    <section className="pane" data-report-id={summary.id} data-side={side} aria-label={t('pane.report', { outlet: summary.outlet })}>
      <header className="pane__header" dir="auto">
        <div className="pane__outlet">
          <span className="pane__side">{t(side === 'a' ? 'side.a' : 'side.b')}</span>
          <bdi>{summary.outlet}</bdi>
          <bdi className="pane__date">{format.published(summary.publishedAt)}</bdi>
          {versions > 1 && (
            <button type="button" className="small quiet pane__versions" data-versions-button title={t('versions.openLabel', { outlet: summary.outlet })} onClick={onVersions}>
              {t('versions.open', { count: versions })}
            </button>
          )}
        </div>
        {/* A report imported without a title and without a headline has none to show. */}
        {(parsed.title || summary.title) && (
          <h2 className="pane__title" dir={direction} lang={summary.language}>
            {parsed.title || summary.title}
          </h2>
        )}
      </header>
      <div className="pane__body" ref={bodyRef} dir={direction} lang={summary.language} data-pane-body={side}>
        <div className="pane__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="pane__row" style={{ transform: `translateY(${item.start}px)` }}>
              <ClaimBlock block={blocks[item.index]!} text={text} claims={claimsByBlock.get(item.index) ?? []} index={index} focus={focus} onPick={onPick} onHover={onHover} />
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

/** Consecutive set-apart blocks of one kind (a whole «إقرأ أيضاً» article) are shown as one. */
function mergeExcluded(blocks: Block[]): Block[] {
  const merged: Block[] = [];
  for (const block of blocks) {
    const last = merged.at(-1);
    if (last?.kind === 'excluded' && block.kind === 'excluded' && last.reason === block.reason) merged[merged.length - 1] = { ...last, end: block.end };
    else merged.push(block);
  }
  return merged;
}

/** Which block holds each claim, and the claims of each paragraph in order. */
function placeClaims(blocks: Block[], claims: readonly Claim[]): { claimsByBlock: Map<number, Claim[]>; blockOfClaim: Map<string, number> } {
  const claimsByBlock = new Map<number, Claim[]>();
  const blockOfClaim = new Map<string, number>();
  let i = 0;
  for (const claim of [...claims].sort((x, y) => x.start - y.start)) {
    while (i < blocks.length && (blocks[i]!.kind !== 'paragraph' || blocks[i]!.end < claim.end)) i++;
    const block = blocks[i];
    if (!block || claim.start < block.start) continue;
    const list = claimsByBlock.get(i);
    if (list) list.push(claim);
    else claimsByBlock.set(i, [claim]);
    blockOfClaim.set(claim.id, i);
  }
  return { claimsByBlock, blockOfClaim };
}
