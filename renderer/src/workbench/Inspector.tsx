import { useState, type RefObject } from 'react';
import type { ClaimDetail } from '../../../shared/contract/channels';
import type { EvidenceInput } from '../../../shared/model/evidence';
import type { Verdict } from '../../../shared/model/verdict';
import type { ComparisonIndex } from './comparison-index';
import { EvidenceSection } from './EvidenceSection';
import { HistoryList } from './HistoryList';
import { StatusControl } from './StatusControl';
import { KIND_ICONS, KIND_LABELS } from './status-style';
import { WordDiff } from './WordDiff';

interface Props {
  index: ComparisonIndex;
  claimId: string;
  detail: ClaimDetail | null;
  language: string;
  pendingStatus: Verdict | null;
  busy: boolean;
  evidenceRef: RefObject<HTMLSelectElement | null>;
  onSelect(claimId: string): void;
  onSetStatus(claimIds: string[], status: Verdict, note: string | null): Promise<boolean>;
  onCancelPending(): void;
  onAddEvidence(input: EvidenceInput): Promise<boolean>;
  onRemoveEvidence(evidenceId: string): Promise<void>;
}

/** Everything about one claim: both versions and their differences, its status, evidence and history. */
export function Inspector(props: Props) {
  const { index, claimId, detail } = props;
  const entry = index.byId.get(claimId);
  const [partnerChoice, setPartnerChoice] = useState<string | null>(null);
  if (!entry) return <p className="hint">This claim is not in the reports being compared.</p>;
  const partnerId = partnerChoice && entry.partners.includes(partnerChoice) ? partnerChoice : entry.partners[0];
  const partner = partnerId ? index.byId.get(partnerId) : undefined;
  const match = entry.matches.find((m) => m.a === partnerId || m.b === partnerId);
  const differences = match?.differences.filter((d) => d.kind !== 'wording') ?? [];
  const group = entry.partners.map((id) => index.byId.get(id)).filter((g) => g !== undefined);

  return (
    <div className="inspector" role="region" aria-label="Claim inspector">
      <p className={`kind-line claim--${entry.kind}`}>
        <span aria-hidden="true">{KIND_ICONS[entry.kind]}</span> {KIND_LABELS[entry.kind]}
        {match && <span className="score"> · match {Math.round(match.score * 100)}%</span>}
      </p>
      {entry.partners.length > 1 && (
        <label className="partner-pick">
          Compare with
          <select value={partnerId} onChange={(e) => setPartnerChoice(e.target.value)}>
            {entry.partners.map((id, i) => (
              <option key={id} value={id}>
                {i + 1}. {index.byId.get(id)?.claim.text.slice(0, 60)}…
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
            <span className="pane__side">{entry.side.toUpperCase()}</span> <bdi>{entry.outlet}</bdi>
          </figcaption>
          <blockquote dir="auto">{entry.claim.text}</blockquote>
        </figure>
      )}
      {partner && (
        <section className="differences" aria-labelledby="differences-heading">
          <h3 id="differences-heading">Differences that matter ({differences.length})</h3>
          {differences.length === 0 ? (
            <p className="hint">No differences of number, quantity, date, name or attribution. Wording may differ.</p>
          ) : (
            <ul>
              {differences.map((d, i) => (
                <li key={i} className={`difference difference--${d.kind}`}>
                  <span className="difference-kind">{d.kind}</span>
                  <span className="difference-values">
                    <span className="pane__side">{entry.side === 'a' ? 'A' : 'B'}</span>
                    <bdi className="difference-a">{(entry.side === 'a' ? d.a : d.b) || '(not said)'}</bdi>
                    <span role="img" aria-label="differs from">≠</span>
                    <span className="pane__side">{entry.side === 'a' ? 'B' : 'A'}</span>
                    <bdi className="difference-b">{(entry.side === 'a' ? d.b : d.a) || '(not said)'}</bdi>
                  </span>
                  {d.note && <span className="hint difference-note" dir="auto">{d.note}</span>}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="quiet small" onClick={() => props.onSelect(partner.claim.id)}>
            Go to the <bdi>{partner.outlet}</bdi> version
          </button>
        </section>
      )}
      <StatusControl entry={entry} group={group} pending={props.pendingStatus} busy={props.busy} onSet={props.onSetStatus} onCancelPending={props.onCancelPending} />
      <EvidenceSection ref={props.evidenceRef} evidence={detail?.evidence ?? []} busy={props.busy} onAdd={props.onAddEvidence} onRemove={props.onRemoveEvidence} />
      <HistoryList history={detail?.history ?? []} />
    </div>
  );
}
