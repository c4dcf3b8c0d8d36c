import { useCallback, useEffect, useState } from 'react';
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
  const fallback: [string, string] | null = reports.length >= 2 ? [reports[0]!.id, reports[1]!.id] : null;

  const choose = useCallback((pair: [string, string]) => {
    setStored(pair);
    localStorage.setItem(KEY, JSON.stringify(pair));
  }, []);
  useEffect(() => {
    if (!valid && stored && reports.length > 0) setStored(null);
  }, [valid, stored, reports.length]);
  return [valid ?? fallback, choose];
}
