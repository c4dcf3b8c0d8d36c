import { useEffect, useRef, useState } from 'react';
import type { DeskStatus } from '../../../shared/contract/channels';
import { call } from '../api/client';
import { useT } from '../i18n/use-t';

/** Often enough that a colleague's verdict shows within about a second. */
const POLL_MS = 400;

interface Props {
  /** Colleagues' events arrived: what is on screen is read again. */
  onReceived(): void;
}

/**
 * The sync state of a shared story along the bottom: offline, syncing N events, up to date, or a
 * refused event (with why). Nothing shows for a folder that works alone.
 */
export function DeskStatusBar({ onReceived }: Props) {
  const t = useT();
  const [desk, setDesk] = useState<DeskStatus | null>(null);
  const received = useRef<number | null>(null);
  const notify = useRef(onReceived);
  notify.current = onReceived;

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      try {
        const { desk: status } = await call('desk:status', {});
        if (!live) return;
        setDesk(status);
        // No desk: the folder works alone, and nothing will change that while the app runs.
        if (!status) return;
        if (received.current !== null && status.received > received.current) notify.current();
        received.current = status.received;
      } catch {
        // The app itself is unreachable: the page says so elsewhere.
      }
      if (live) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, []);

  if (!desk) return null;
  const last = desk.refused.at(-1);
  const text =
    desk.state === 'offline'
      ? t('desk.offline')
      : desk.state === 'syncing'
        ? t('desk.syncing', { count: desk.pending })
        : desk.state === 'refused'
          ? t('desk.refused', { count: desk.refused.length })
          : t('desk.upToDate');
  return (
    <footer className={`desk-bar desk-bar--${desk.state}`} role="status" aria-live="polite" data-desk-state={desk.state}>
      <span className="desk-bar__dot" aria-hidden="true" />
      <span>{text}</span>
      <span className="desk-bar__story">
        {t('desk.story')} <bdi dir="ltr">{desk.story}</bdi>
      </span>
      {desk.state === 'refused' && last && (
        <bdi dir="auto" className="desk-bar__detail" lang="en">
          {last.editor ? `${last.editor}: ` : ''}
          {last.reason}
        </bdi>
      )}
      {desk.state === 'offline' && desk.problem && (
        <bdi dir="auto" className="desk-bar__detail" lang="en" title={desk.problem}>
          {desk.problem}
        </bdi>
      )}
    </footer>
  );
}
