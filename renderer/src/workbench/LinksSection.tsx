import { useState } from 'react';
import { LINK_RELATIONS, type LinkRelation } from '../../../shared/model/story-events';
import { isolate } from '../app/isolate';
import { useT } from '../i18n/use-t';
import type { ComparisonIndex, IndexedClaim } from './comparison-index';

interface Props {
  index: ComparisonIndex;
  entry: IndexedClaim;
  busy: boolean;
  onLink(partnerId: string, relation: LinkRelation): void;
  onUnlink(partnerId: string): void;
  onSelect(claimId: string): void;
}

const excerpt = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

/**
 * The claim's links to the other report, and who stands behind each: the engine, or the editor
 * who made or confirmed it. The editor confirms, unlinks, or links a claim the engine missed.
 */
export function LinksSection({ index, entry, busy, onLink, onUnlink, onSelect }: Props) {
  const t = useT();
  const [partner, setPartner] = useState('');
  const [relation, setRelation] = useState<LinkRelation>('same');
  const others = index.claims.filter((c) => c.side !== entry.side);
  const otherOutlet = others[0]?.outlet ?? '';
  const linked = new Set(entry.partners);

  return (
    <section className="links" aria-labelledby="links-heading" data-links>
      <h3 id="links-heading">{t('links.heading', { count: entry.matches.length })}</h3>
      {entry.matches.length === 0 ? (
        <p className="hint">{t('links.none')}</p>
      ) : (
        <ul>
          {entry.matches.map((match) => {
            const otherId = match.a === entry.claim.id ? match.b : match.a;
            const other = index.byId.get(otherId);
            return (
              <li key={match.id} data-link-partner={otherId} data-link-origin={match.origin}>
                <span className={`link-relation claim--${match.relation}`}>{t(`links.relation.${match.relation}`)}</span>{' '}
                <button type="button" className="quiet small link-claim" onClick={() => onSelect(otherId)}>
                  <bdi>{other?.outlet}</bdi>: <bdi dir="auto">{excerpt(other?.claim.text ?? otherId)}</bdi>
                </button>
                <span className="hint link-origin">
                  {match.origin === 'engine' ? t('links.origin.engine') : t(`links.origin.${match.origin}`, { editor: isolate(match.editor ?? '') })}
                </span>
                <span className="link-actions">
                  {match.origin === 'engine' && (
                    <button type="button" className="small" disabled={busy} aria-label={t('links.confirmLabel', { outlet: other?.outlet ?? '' })} onClick={() => onLink(otherId, match.relation)}>
                      {t('links.confirm')}
                    </button>
                  )}
                  <button type="button" className="small danger" disabled={busy} aria-label={t('links.unlinkLabel', { outlet: other?.outlet ?? '' })} onClick={() => onUnlink(otherId)}>
                    {t('links.unlink')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="link-form"
        aria-label={t('links.add', { outlet: isolate(otherOutlet) })}
        onSubmit={(event) => {
          event.preventDefault();
          if (partner) onLink(partner, relation);
          setPartner('');
        }}
      >
        <h4>{t('links.add', { outlet: isolate(otherOutlet) })}</h4>
        <label>
          {t('links.choose')}
          <select dir="auto" value={partner} onChange={(e) => setPartner(e.target.value)} data-link-choose>
            <option value="">{t('links.chooseNone')}</option>
            {others
              .filter((c) => !linked.has(c.claim.id))
              .map((c) => (
                <option key={c.claim.id} value={c.claim.id}>
                  {isolate(excerpt(c.claim.text))}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('links.relation')}
          <select value={relation} onChange={(e) => setRelation(e.target.value as LinkRelation)} data-link-relation>
            {LINK_RELATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`links.relation.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="small" disabled={busy || partner === ''}>
          {t('links.link')}
        </button>
      </form>
    </section>
  );
}
