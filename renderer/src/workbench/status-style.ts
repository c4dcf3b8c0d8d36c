import type { Verdict } from '../../../shared/model/verdict';
import type { ClaimKind } from './comparison-index';

/** Each status has an icon as well as a colour: colour is never the only cue. */
export const STATUS_ICONS: Record<Verdict, string> = {
  unverified: '○',
  'in-progress': '◔',
  verified: '✓',
  false: '✗',
  misleading: '⚠',
  unverifiable: '?',
};

/** Each kind of claim has an icon and a pattern as well as a colour. */
// Not a dot for single-source: in Arabic digits a dot is zero, and «• ١٢» would read as «٠ ١٢».
export const KIND_ICONS: Record<ClaimKind, string> = { contradicts: '⇎', same: '⇄', related: '≈', single: '◇' };

/** Statuses in the order of the status control, and of the keys 1–6 that set them. */
export const STATUS_BY_DIGIT: readonly Verdict[] = ['unverified', 'in-progress', 'verified', 'false', 'misleading', 'unverifiable'];
