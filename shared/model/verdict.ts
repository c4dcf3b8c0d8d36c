import { z } from 'zod';

/** A claim's verification status. "unverified" is where every claim starts. */
export const VERDICTS = ['unverified', 'in-progress', 'verified', 'false', 'misleading', 'unverifiable'] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

export const VERDICT_LABELS: Record<Verdict, string> = {
  unverified: 'Unverified',
  'in-progress': 'In progress',
  verified: 'Verified',
  false: 'False',
  misleading: 'Misleading',
  unverifiable: 'Unverifiable',
};

/** Verdicts that accuse a report of error: the editor must say why. */
export function verdictNeedsNote(verdict: Verdict): boolean {
  return verdict === 'false' || verdict === 'misleading';
}
