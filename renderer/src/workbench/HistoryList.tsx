import type { LogEvent } from '../../../shared/model/events';
import { EVIDENCE_KIND_LABELS } from '../../../shared/model/evidence';
import { VERDICT_LABELS } from '../../../shared/model/verdict';
import { formatMoment } from './format-date';

function describe(event: LogEvent): string {
  switch (event.type) {
    case 'claim.statusChanged':
      return `${VERDICT_LABELS[event.payload.from]} → ${VERDICT_LABELS[event.payload.to]}${event.payload.note ? `: ${event.payload.note}` : ''}`;
    case 'evidence.added':
      return `added ${EVIDENCE_KIND_LABELS[event.payload.evidence.kind].toLowerCase()} (${event.payload.evidence.stance})`;
    case 'evidence.edited':
      return 'edited evidence';
    case 'evidence.removed':
      return `removed evidence${event.payload.reason ? `: ${event.payload.reason}` : ''}`;
    default:
      return event.type;
  }
}

/** Who decided what and when, newest first, with each event's place in the hash chain. */
export function HistoryList({ history }: { history: LogEvent[] }) {
  return (
    <section className="history" aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      {history.length === 0 && <p className="hint">Nothing decided yet.</p>}
      <ol className="history-list" reversed>
        {[...history].reverse().map((event) => (
          <li key={event.id}>
            <span className="history-when">{formatMoment(event.at)}</span> <strong>{event.editor}</strong>{' '}
            <span dir="auto">{describe(event)}</span>
            <span className="history-hash" title={`event #${event.seq}, SHA-256 ${event.hash}`}>
              #{event.seq} · {event.hash.slice(0, 8)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
