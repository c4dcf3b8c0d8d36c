import { VERDICTS } from '../../../shared/model/verdict';
import { useT } from '../i18n/use-t';
import { KIND_ICONS, STATUS_ICONS } from './status-style';

/** What the highlights and badges mean: each has a pattern or an icon besides its colour. */
export function Legend() {
  const t = useT();
  return (
    <footer className="legend" aria-label={t('legend.label')}>
      <span className="legend__item">
        <mark className="claim claim--contradicts">
          {KIND_ICONS.contradicts} {t('kind.contradicts')}
        </mark>{' '}
        {t('legend.contradicts')}
      </span>
      <span className="legend__item">
        <mark className="claim claim--same">
          {KIND_ICONS.same} {t('kind.same')}
        </mark>{' '}
        {t('legend.same')}
      </span>
      <span className="legend__item">
        <mark className="claim claim--related">
          {KIND_ICONS.related} {t('kind.related')}
        </mark>{' '}
        {t('legend.related')}
      </span>
      <span className="legend__item">
        <mark className="claim claim--single">{t('kind.single')}</mark> {t('legend.single')}
      </span>
      <span className="legend__sep" />
      {VERDICTS.map((v) => (
        <span key={v} className={`legend__item status-chip status--${v}`}>
          {STATUS_ICONS[v]} {t(`verdict.${v}`)}
        </span>
      ))}
      <span className="legend__sep" />
      <span className="legend__item">
        <kbd>?</kbd> {t('legend.shortcuts')}
      </span>
    </footer>
  );
}
