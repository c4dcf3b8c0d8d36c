import { forwardRef, useState } from 'react';
import { isSafeExternalUrl } from '../../../shared/contract/trusted-url';
import { EVIDENCE_KINDS, STANCES, type Evidence, type EvidenceInput } from '../../../shared/model/evidence';
import { useFormat, useT } from '../i18n/use-t';
import { evidenceWhat } from './describe-event';

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
  const t = useT();
  const format = useFormat();
  const [draft, setDraft] = useState(EMPTY);
  const [urlError, setUrlError] = useState<string | null>(null);
  const set = (changes: Partial<typeof EMPTY>) => setDraft((d) => ({ ...d, ...changes }));

  return (
    <section className="evidence" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">{t('evidence.heading', { count: evidence.length })}</h3>
      {evidence.length === 0 && <p className="hint">{t('evidence.none')}</p>}
      <ul className="evidence-list">
        {evidence.map((item) => (
          <li key={item.id} className={`evidence-item stance--${item.stance}`}>
            <div className="evidence-meta">
              {/* Each part isolated: an Arabic name must not pull the date's digits across it. */}
              <span className="stance-chip">{t(`stance.${item.stance}`)}</span> <bdi>{t(`evidence.kind.${item.kind}`)}</bdi> · <bdi>{item.editor}</bdi> ·{' '}
              <bdi>{format.moment(item.at)}</bdi>
              {item.editedAt && <> · <bdi>{t('evidence.edited')}</bdi></>}
              <button type="button" className="quiet small" aria-label={t('evidence.removeLabel', { what: evidenceWhat(item) })} disabled={busy} onClick={() => void onRemove(item.id)}>
                {t('evidence.remove')}
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
        aria-label={t('evidence.form')}
        onSubmit={async (event) => {
          event.preventDefault();
          const url = draft.url.trim();
          if (url && !isSafeExternalUrl(url)) {
            setUrlError(t('evidence.onlyHttp'));
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
            {t('evidence.kind')}
            <select ref={firstFieldRef} value={draft.kind} onChange={(e) => set({ kind: e.target.value as EvidenceInput['kind'] })}>
              {EVIDENCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`evidence.kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('evidence.stance')}
            <select value={draft.stance} onChange={(e) => set({ stance: e.target.value as EvidenceInput['stance'] })}>
              {STANCES.map((stance) => (
                <option key={stance} value={stance}>
                  {t(`stance.${stance}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          {t('evidence.url')}
          <input type="url" dir="ltr" placeholder="https://…" value={draft.url} aria-invalid={urlError !== null} onChange={(e) => set({ url: e.target.value })} />
        </label>
        {urlError && <p className="error" role="alert">{urlError}</p>}
        <label>
          {t('evidence.quote')}
          <textarea dir="auto" rows={2} value={draft.quote} onChange={(e) => set({ quote: e.target.value })} />
        </label>
        <label>
          {t('evidence.note')}
          <textarea dir="auto" rows={2} value={draft.note} onChange={(e) => set({ note: e.target.value })} />
        </label>
        <button type="submit" className="primary" disabled={busy || (!draft.url.trim() && !draft.quote.trim() && !draft.note.trim())}>
          {t('evidence.add')}
        </button>
      </form>
    </section>
  );
});
