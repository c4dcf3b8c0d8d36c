import { useEffect, useState } from 'react';

interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Draws a line from a claim to its partner across the two panes, so the eye can follow the link.
 * Recomputed when either pane scrolls or the window resizes.
 */
export function Connector({ root, from, to }: { root: HTMLElement | null; from: string | null; to: string | null }) {
  const [line, setLine] = useState<Line | null>(null);

  useEffect(() => {
    if (!root || !from || !to) {
      setLine(null);
      return;
    }
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const a = root.querySelector<HTMLElement>(`mark[data-claim-id="${CSS.escape(from)}"]`);
        const b = root.querySelector<HTMLElement>(`mark[data-claim-id="${CSS.escape(to)}"]`);
        const box = root.getBoundingClientRect();
        if (!a || !b) return setLine(null);
        // An end whose claim is scrolled out of its pane is drawn at the pane's edge, pointing
        // the way to scroll: never across the headers above or the legend below the panes.
        const end = (mark: HTMLElement) => {
          const rect = mark.getBoundingClientRect();
          const body = mark.closest('[data-pane-body]')?.getBoundingClientRect() ?? box;
          const y = rect.top + Math.min(rect.height, 24) / 2;
          return { left: rect.left, right: rect.right, y: Math.min(body.bottom - 4, Math.max(body.top + 4, y)) };
        };
        const ea = end(a);
        const eb = end(b);
        const [left, right] = ea.left < eb.left ? [ea, eb] : [eb, ea];
        setLine({ x1: left.right - box.left, y1: left.y - box.top, x2: right.left - box.left, y2: right.y - box.top });
      });
    };
    measure();
    const panes = root.querySelectorAll('[data-pane-body]');
    panes.forEach((pane) => pane.addEventListener('scroll', measure, { passive: true }));
    window.addEventListener('resize', measure);
    return () => {
      cancelAnimationFrame(frame);
      panes.forEach((pane) => pane.removeEventListener('scroll', measure));
      window.removeEventListener('resize', measure);
    };
  }, [root, from, to]);

  if (!line) return null;
  const mid = (line.x1 + line.x2) / 2;
  return (
    <svg className="connector" aria-hidden="true">
      <path d={`M ${line.x1} ${line.y1} C ${mid} ${line.y1}, ${mid} ${line.y2}, ${line.x2} ${line.y2}`} />
      <circle cx={line.x1} cy={line.y1} r={4} />
      <circle cx={line.x2} cy={line.y2} r={4} />
    </svg>
  );
}
