import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReportSummary } from '../../../shared/contract/channels';

const KEY = 'isnad-pair';

/** The two reports being compared, remembered across reloads; the first two reports by default. */
export function usePair(reports: ReportSummary[]): [[string, string] | null, (pair: [string, string]) => void] {
  const [stored, setStored] = useState<[string, string] | null>(() => {
    try {
      const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
      return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string') ? (value as [string, string]) : null;
    } catch {
      return null;
    }
  });
  const ids = new Set(reports.map((r) => r.id));
  const valid = stored && stored[0] !== stored[1] && ids.has(stored[0]) && ids.has(stored[1]) ? stored : null;
  const [first, second] = valid ?? (reports.length >= 2 ? [reports[0]!.id, reports[1]!.id] : [null, null]);
  // One array for as long as the two ids stay the same: the workbench reloads when the pair changes.
  const pair = useMemo<[string, string] | null>(() => (first && second ? [first, second] : null), [first, second]);

  const choose = useCallback((next: [string, string]) => {
    setStored(next);
    localStorage.setItem(KEY, JSON.stringify(next));
  }, []);
  useEffect(() => {
    if (!valid && stored && reports.length > 0) setStored(null);
  }, [valid, stored, reports.length]);
  return [pair, choose];
}
