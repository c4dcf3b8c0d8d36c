import { useMemo } from 'react';
import type { LogEvent } from '../../../shared/model/events';
import { useFormat, useT } from '../i18n/use-t';
import { describeEvent, evidenceById } from './describe-event';

/** Who decided what and when, newest first, with each event's place in the hash chain. */
export function HistoryList({ history, claimId, outletOf }: { history: LogEvent[]; claimId: string; outletOf(reportId: string): string }) {
  const t = useT();
  const format = useFormat();
  const evidence = useMemo(() => evidenceById(history), [history]);
  return (
    <section className="history" aria-labelledby="history-heading">
      <h3 id="history-heading">{t('history.heading')}</h3>
      {history.length === 0 && <p className="hint">{t('history.none')}</p>}
      <ol className="history-list" reversed>
        {[...history].reverse().map((event) => (
          <li key={event.id}>
            <bdi className="history-when">{format.moment(event.at)}</bdi> <strong><bdi>{event.editor}</bdi></strong>{' '}
            <bdi dir="auto" className="history-what">{describeEvent(event, t, evidence, outletOf, claimId)}</bdi>
            <span className="history-hash" dir="ltr" title={t('history.event', { seq: event.seq, hash: event.hash })}>
              #{event.seq} · {event.hash.slice(0, 8)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
