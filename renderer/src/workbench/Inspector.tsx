import { useIntl } from 'react-intl';
import { forwardRef, useState, type RefObject } from 'react';
import type { ClaimDetail } from '../../../shared/contract/channels';
import type { EvidenceInput } from '../../../shared/model/evidence';
import type { Verdict } from '../../../shared/model/verdict';
import { isolate } from '../app/isolate';
import { useFormat, useT } from '../i18n/use-t';
import type { ComparisonIndex } from './comparison-index';
import { EvidenceSection } from './EvidenceSection';
import { FrameTable } from './FrameTable';
import { HistoryList } from './HistoryList';
import { ConflictNotice } from './ConflictNotice';
import { StatusControl } from './StatusControl';
import { KIND_ICONS } from './status-style';
import type { LinkRelation } from '../../../shared/model/story-events';
import { LinksSection } from './LinksSection';
import { BoundsSection, type BoundsAction } from './BoundsSection';
import type { TextSelection } from './text-selection';
import { RecheckNotice } from './RecheckNotice';
import { ElsewhereNotice } from './ElsewhereNotice';
import { WordDiff } from './WordDiff';

interface Props {
  index: ComparisonIndex;
  claimId: string;
  detail: ClaimDetail | null;
  /** Changes with every change of the record, so the claim's group is read again. */
  revision: number;
  language: string;
  pendingStatus: Verdict | null;
  busy: boolean;
  evidenceRef: RefObject<HTMLSelectElement | null>;
  onSelect(claimId: string): void;
  onSetStatus(claimIds: string[], status: Verdict, note: string | null): Promise<boolean>;
  onCancelPending(): void;
  /** One verdict for the claim's group across the story, in one event; `undecided`: only its unverified members. */
  onApplyGroup(status: Verdict, note: string | null, only: 'all' | 'undecided'): void;
  onAddEvidence(input: EvidenceInput): Promise<boolean>;
  onRemoveEvidence(evidenceId: string): Promise<void>;
  /** The text the editor selected in a report, for the boundary corrections. */
  textSelection: TextSelection | null;
  boundsAvailable: Record<BoundsAction, boolean>;
  onBounds(action: BoundsAction): void;
  onLink(partnerId: string, relation: LinkRelation): void;
  onUnlink(partnerId: string): void;
}

/**
 * Everything about one claim: both versions and their differences, what each says slot by slot,
 * its status, evidence and history. A landmark (`data-inspector`), focusable so that focus has
 * somewhere to go when the side panel switches to it.
 */
export const Inspector = forwardRef<HTMLElement, Props>(function Inspector(props, ref) {
  const { index, claimId, detail } = props;
  const t = useT();
  const english = useIntl().locale.startsWith('en');
  const format = useFormat();
  const entry = index.byId.get(claimId);
  const [partnerChoice, setPartnerChoice] = useState<string | null>(null);
  if (!entry) return <p className="hint">{t('inspector.notInReports')}</p>;
  const partnerId = partnerChoice && entry.partners.includes(partnerChoice) ? partnerChoice : entry.partners[0];
  const partner = partnerId ? index.byId.get(partnerId) : undefined;
  const match = entry.matches.find((m) => m.a === partnerId || m.b === partnerId);
  // A polarity difference first: it is the one that makes two versions contradict.
  const differences = (match?.differences.filter((d) => d.kind !== 'wording') ?? []).sort((x, y) => Number(y.kind === 'polarity') - Number(x.kind === 'polarity'));
  const sideLabel = (side: 'a' | 'b') => t(side === 'a' ? 'side.a' : 'side.b');
  const other = entry.side === 'a' ? 'b' : 'a';

  return (
    <section ref={ref} className="inspector" aria-label={t('inspector.label')} data-inspector tabIndex={-1}>
      <p className={`kind-line claim--${entry.kind}`}>
        <span aria-hidden="true">{KIND_ICONS[entry.kind]}</span> {t(`kind.${entry.kind}.label`)}
        {match && <span className="score"> · {t('inspector.match', { score: match.score })}</span>}
      </p>
      {detail?.needsRecheck && (
        <RecheckNotice
          recheck={detail.needsRecheck}
          byEditor={detail.origin?.from.some((f) => f.claimId === detail.needsRecheck?.previousClaimId) ?? false}
          text={entry.claim.text}
          language={props.language}
          status={detail.status}
          busy={props.busy}
          onConfirm={() => void props.onSetStatus([claimId], detail.status?.status ?? 'unverified', detail.status?.note ?? null)}
        />
      )}
      <ElsewhereNotice
        claimId={claimId}
        status={entry.status}
        revision={props.revision + (detail?.history.length ?? 0)}
        busy={props.busy}
        onApply={(ids, status, note) => void props.onSetStatus(ids, status, note)}
        onApplyUndecided={(status, note) => props.onApplyGroup(status, note, 'undecided')}
      />
      {entry.partners.length > 1 && (
        <label className="partner-pick">
          {t('inspector.compareWith')}
          <select dir="auto" value={partnerId} onChange={(e) => setPartnerChoice(e.target.value)}>
            {entry.partners.map((id, i) => (
              <option key={id} value={id}>
                {/* Isolated: the claim's own direction must not reorder the number before it. */}
                {format.number(i + 1)}. {isolate(`${index.byId.get(id)?.claim.text.slice(0, 60) ?? ''}…`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {partner ? (
        <WordDiff a={entry} b={partner} language={props.language} />
      ) : (
        <figure className="version">
          <figcaption>
            <span className="pane__side">{sideLabel(entry.side)}</span> <bdi>{entry.outlet}</bdi>
          </figcaption>
          <blockquote dir="auto">{entry.claim.text}</blockquote>
        </figure>
      )}
      {partner && <FrameTable first={entry.side === 'a' ? entry : partner} second={entry.side === 'a' ? partner : entry} />}
      {partner && (
        <section className="differences" aria-labelledby="differences-heading">
          <h3 id="differences-heading">{t('inspector.differences', { count: differences.length })}</h3>
          {differences.length === 0 ? (
            <p className="hint">{t('inspector.noDifferences')}</p>
          ) : (
            <ul>
              {differences.map((d, i) => (
                <li key={i} className={`difference difference--${d.kind}`}>
                  <span className="difference-kind">{t(`difference.${d.kind}`)}</span>
                  <span className="difference-values">
                    <span className="pane__side">{sideLabel(entry.side)}</span>
                    <bdi className="difference-a">{(entry.side === 'a' ? d.a : d.b) || t('inspector.notSaid')}</bdi>
                    <span role="img" aria-label={t('inspector.differsFrom')}>
                      ≠
                    </span>
                    <span className="pane__side">{sideLabel(other)}</span>
                    <bdi className="difference-b">{(entry.side === 'a' ? d.b : d.a) || t('inspector.notSaid')}</bdi>
                  </span>
                  {/* The engine's notes are English sentences; the kind and both values say it in the editor's language. */}
                  {d.note && english && (
                    <bdi className="hint difference-note" dir="auto">
                      {d.note}
                    </bdi>
                  )}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="quiet small" onClick={() => props.onSelect(partner.claim.id)}>
            {t('inspector.goTo', { outlet: isolate(partner.outlet) })}
          </button>
        </section>
      )}
      <LinksSection index={index} entry={entry} busy={props.busy} onLink={props.onLink} onUnlink={props.onUnlink} onSelect={props.onSelect} />
      <BoundsSection origin={detail?.origin ?? null} available={props.boundsAvailable} selection={props.textSelection} busy={props.busy} onAction={props.onBounds} />
      <ConflictNotice status={detail?.status ?? null} busy={props.busy} onSet={props.onSetStatus} />
      <StatusControl
        entry={entry}
        note={detail?.status?.note ?? null}
        revision={props.revision + (detail?.history.length ?? 0)}
        onApplyGroup={() => props.onApplyGroup(entry.status, detail?.status?.note ?? null, 'all')}
        pending={props.pendingStatus} busy={props.busy} onSet={props.onSetStatus} onCancelPending={props.onCancelPending} />
      <EvidenceSection ref={props.evidenceRef} evidence={detail?.evidence ?? []} busy={props.busy} onAdd={props.onAddEvidence} onRemove={props.onRemoveEvidence} />
      <HistoryList history={detail?.history ?? []} claimId={claimId} outletOf={(reportId) => index.claims.find((c) => c.claim.reportId === reportId)?.outlet ?? reportId} />
    </section>
  );
});
