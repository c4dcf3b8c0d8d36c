import { useEffect, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

const KEY = 'isnad-side-width';
const MIN = 300;

function maxWidth(): number {
  return Math.max(MIN, Math.round(window.innerWidth * 0.5));
}

/** The editor's width if they chose one, else about a third of the window. */
function fittingWidth(): number {
  const stored = Number(localStorage.getItem(KEY));
  const fallback = Math.min(440, Math.max(MIN, Math.round(window.innerWidth * 0.3)));
  return Number.isFinite(stored) && stored >= MIN ? Math.min(stored, maxWidth()) : fallback;
}

/**
 * The side panel beside the reports, resizable by dragging its edge or with the arrow keys on it,
 * its width remembered. It never takes more than half the window, so the texts stay in view;
 * in a narrow window (below 900 px) it becomes a drawer under them (style sheet).
 */
export function SidePanel({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  const [width, setWidth] = useState(fittingWidth);
  useEffect(() => {
    const onResize = () => setWidth(fittingWidth());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const commit = (next: number) => {
    const clamped = Math.round(Math.min(maxWidth(), Math.max(MIN, next)));
    setWidth(clamped);
    localStorage.setItem(KEY, String(clamped));
  };
  // The panel sits at the inline end: to the right in English, to the left in Arabic.
  const towardPanel = () => (document.documentElement.dir === 'rtl' ? 1 : -1);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startX = event.clientX;
    const startWidth = width;
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => commit(startWidth + (e.clientX - startX) * towardPanel());
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16;
    // The edge moves the way the arrow points: away from the panel widens it.
    const widenLeft = document.documentElement.dir !== 'rtl';
    if (event.key === 'ArrowLeft') commit(width + (widenLeft ? step : -step));
    else if (event.key === 'ArrowRight') commit(width + (widenLeft ? -step : step));
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <>
      <div
        className="side-resizer"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('workbench.resize')}
        aria-valuemin={MIN}
        aria-valuemax={maxWidth()}
        aria-valuenow={width}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <aside className="side" aria-label={label} style={{ ['--side-width' as string]: `${width}px` }}>
        {children}
      </aside>
    </>
  );
}
