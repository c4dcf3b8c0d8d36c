import { useEffect } from 'react';
import type { ComparisonIndex } from './comparison-index';

function marksOf(root: HTMLElement, claimId: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`mark[data-claim-id="${CSS.escape(claimId)}"]`)];
}

/**
 * Marks the selected claim, its partners in the other report and the hovered claim's partners,
 * and scrolls the partners into view. Done on the DOM directly: re-rendering a 50,000-word
 * report for a hover would be far too slow.
 */
export function useClaimFocus(root: HTMLElement | null, index: ComparisonIndex | null, selected: string | null, hovered: string | null): void {
  useEffect(() => {
    if (!root || !index) return;
    const touched: [HTMLElement, string][] = [];
    const add = (claimId: string, className: string) => {
      for (const mark of marksOf(root, claimId)) {
        mark.classList.add(className);
        touched.push([mark, className]);
      }
    };
    if (selected) {
      add(selected, 'is-selected');
      for (const partner of index.byId.get(selected)?.partners ?? []) add(partner, 'is-partner');
    }
    if (hovered && hovered !== selected) {
      add(hovered, 'is-hovered');
      for (const partner of index.byId.get(hovered)?.partners ?? []) add(partner, 'is-partner-hovered');
    }
    return () => {
      for (const [mark, className] of touched) mark.classList.remove(className);
    };
  }, [root, index, selected, hovered]);

  // Bring the selected claim and its first partner into view, each in its own pane.
  useEffect(() => {
    if (!root || !index || !selected) return;
    const partner = index.byId.get(selected)?.partners[0];
    for (const id of partner ? [selected, partner] : [selected]) {
      marksOf(root, id)[0]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }, [root, index, selected]);

  useEffect(() => {
    if (!root || !index || !hovered) return;
    const partner = index.byId.get(hovered)?.partners[0];
    if (partner) marksOf(root, partner)[0]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [root, index, hovered]);
}
