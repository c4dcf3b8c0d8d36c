import { VERDICTS, VERDICT_LABELS } from '../../../shared/model/verdict';
import { KIND_ICONS, STATUS_ICONS } from './status-style';

/** What the highlights and badges mean: each has a pattern or an icon besides its colour. */
export function Legend() {
  return (
    <footer className="legend" aria-label="Legend">
      <span className="legend__item">
        <mark className="claim claim--same">{KIND_ICONS.same} shared</mark> both reports, same fact
      </span>
      <span className="legend__item">
        <mark className="claim claim--related">{KIND_ICONS.related} related</mark> same event, told differently
      </span>
      <span className="legend__item">
        <mark className="claim claim--single">single-source</mark> only one report
      </span>
      <span className="legend__sep" />
      {VERDICTS.map((v) => (
        <span key={v} className={`legend__item status-chip status--${v}`}>
          {STATUS_ICONS[v]} {VERDICT_LABELS[v]}
        </span>
      ))}
      <span className="legend__sep" />
      <span className="legend__item">
        <kbd>?</kbd> shortcuts
      </span>
    </footer>
  );
}
