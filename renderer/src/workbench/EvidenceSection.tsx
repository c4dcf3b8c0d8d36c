import { forwardRef, useState } from 'react';
import { isSafeExternalUrl } from '../../../shared/contract/trusted-url';
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABELS, STANCES, type Evidence, type EvidenceInput } from '../../../shared/model/evidence';
import { formatMoment } from './format-date';

interface Props {
  evidence: Evidence[];
  busy: boolean;
  onAdd(input: EvidenceInput): Promise<boolean>;
  onRemove(evidenceId: string): Promise<void>;
}

const EMPTY = { kind: 'link' as EvidenceInput['kind'], stance: 'supports' as EvidenceInput['stance'], url: '', quote: '', note: '' };

/** A link is shown as a link only when it is http(s); anything else stays inert text. */
export function SafeLink({ url }: { url: string }) {
  if (!isSafeExternalUrl(url)) return <code className="unsafe-url">{url}</code>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" dir="ltr">
      {url}
    </a>
  );
}

export const EvidenceSection = forwardRef<HTMLSelectElement, Props>(function EvidenceSection({ evidence, busy, onAdd, onRemove }, firstFieldRef) {
  const [draft, setDraft] = useState(EMPTY);
  const [urlError, setUrlError] = useState<string | null>(null);
  const set = (changes: Partial<typeof EMPTY>) => setDraft((d) => ({ ...d, ...changes }));

  return (
    <section className="evidence" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">Evidence ({evidence.length})</h3>
      {evidence.length === 0 && <p className="hint">No evidence yet.</p>}
      <ul className="evidence-list">
        {evidence.map((item) => (
          <li key={item.id} className={`evidence-item stance--${item.stance}`}>
            <div className="evidence-meta">
              <span className="stance-chip">{item.stance}</span> {EVIDENCE_KIND_LABELS[item.kind]} · {item.editor} · {formatMoment(item.at)}
              {item.editedAt && ' · edited'}
              <button type="button" className="quiet small" aria-label={`Remove evidence ${item.url ?? item.quote ?? item.note ?? ''}`} disabled={busy} onClick={() => void onRemove(item.id)}>
                Remove
              </button>
            </div>
            {item.url && <SafeLink url={item.url} />}
            {item.quote && <blockquote dir="auto">{item.quote}</blockquote>}
            {item.note && <p dir="auto">{item.note}</p>}
          </li>
        ))}
      </ul>
      <form
        className="evidence-form"
        aria-label="Add evidence"
        onSubmit={async (event) => {
          event.preventDefault();
          const url = draft.url.trim();
          if (url && !isSafeExternalUrl(url)) {
            setUrlError('Only http:// and https:// links can be attached.');
            return;
          }
          setUrlError(null);
          const ok = await onAdd({
            kind: draft.kind,
            stance: draft.stance,
            url: url || null,
            quote: draft.quote.trim() || null,
            note: draft.note.trim() || null,
          });
          if (ok) setDraft(EMPTY);
        }}
      >
        <div className="row">
          <label>
            Kind
            <select ref={firstFieldRef} value={draft.kind} onChange={(e) => set({ kind: e.target.value as EvidenceInput['kind'] })}>
              {EVIDENCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {EVIDENCE_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Stance
            <select value={draft.stance} onChange={(e) => set({ stance: e.target.value as EvidenceInput['stance'] })}>
              {STANCES.map((stance) => (
                <option key={stance} value={stance}>
                  {stance}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          URL
          <input type="url" dir="ltr" placeholder="https://…" value={draft.url} aria-invalid={urlError !== null} onChange={(e) => set({ url: e.target.value })} />
        </label>
        {urlError && <p className="error" role="alert">{urlError}</p>}
        <label>
          Quoted passage
          <textarea dir="auto" rows={2} value={draft.quote} onChange={(e) => set({ quote: e.target.value })} />
        </label>
        <label>
          Note
          <textarea dir="auto" rows={2} value={draft.note} onChange={(e) => set({ note: e.target.value })} />
        </label>
        <button type="submit" className="primary" disabled={busy || (!draft.url.trim() && !draft.quote.trim() && !draft.note.trim())}>
          Add evidence
        </button>
      </form>
    </section>
  );
});
