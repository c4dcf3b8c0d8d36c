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

export const KIND_LABELS: Record<ClaimKind, string> = {
  same: 'Both reports make this claim',
  related: 'Related: both report this event, but differently',
  single: 'Only this report makes this claim',
};

export const KIND_ICONS: Record<ClaimKind, string> = { same: '⇄', related: '≈', single: '•' };

/** Keys that set a status with one press, in the order of the status control. */
export const STATUS_KEYS: Record<string, Verdict> = {
  '1': 'unverified',
  '2': 'in-progress',
  '3': 'verified',
  '4': 'false',
  '5': 'misleading',
  '6': 'unverifiable',
};
