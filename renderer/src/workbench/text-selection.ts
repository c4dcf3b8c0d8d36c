/** A span of one report's text the editor selected in its pane (collapsed: a caret). */
export interface TextSelection {
  reportId: string;
  start: number;
  end: number;
  text: string;
}

/** Text the highlights add to a paragraph that is not the report's (pair numbers, status icons). */
const DECORATION = '.pair-badge, .status-badge, .recheck-badge';

/**
 * The offset into the report's text of a point in a paragraph drawn by ClaimBlock (`p[data-offset]`
 * holds the paragraph's first offset): the report's characters before it, decorations left out.
 */
function textOffset(container: Node, offset: number): { reportId: string; at: number } | null {
  const element = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
  const paragraph = element?.closest('p[data-offset]');
  const reportId = paragraph?.closest('[data-report-id]')?.getAttribute('data-report-id');
  if (!paragraph || !reportId) return null;
  const point = document.createRange();
  point.setStart(container, offset);
  let at = Number(paragraph.getAttribute('data-offset'));
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest(DECORATION)) continue;
    const length = (node as Text).length;
    if (node === container) return { reportId, at: at + Math.min(offset, length) };
    if (point.comparePoint(node, length) > 0) break;
    at += length;
  }
  return { reportId, at };
}

/** The editor's selection as a span of one report's text, or null when it is not within one report's paragraphs. */
export function readTextSelection(selection: Selection | null): TextSelection | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = textOffset(range.startContainer, range.startOffset);
  const end = textOffset(range.endContainer, range.endOffset);
  if (!start || !end || start.reportId !== end.reportId || end.at < start.at) return null;
  return { reportId: start.reportId, start: start.at, end: end.at, text: range.toString() };
}
