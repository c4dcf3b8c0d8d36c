import type { Verdict } from '../../../shared/model/verdict';
import { useT } from '../i18n/use-t';

interface Props {
  status: Verdict;
  /** Who set the status, when an editor did. */
  decidedBy: string | null;
  /** Verdicts standing side by side after concurrent decisions (0: none). */
  conflicts: number;
  /** Attribute names the tests find the marks by. */
  hooks: { conflict: string; decidedBy: string };
}

/** Who decided a claim, and a flag when editors' verdicts on it are in conflict: the claim list and the matrix alike. */
export function DecisionMarks({ status, decidedBy, conflicts, hooks }: Props) {
  const t = useT();
  return (
    <>
      {conflicts > 0 && (
        <span className="flag flag--conflict" title={t('list.conflict', { count: conflicts })} {...{ [hooks.conflict]: '' }}>
          ⚠{conflicts}
        </span>
      )}
      {decidedBy && status !== 'unverified' && (
        <bdi className="claim-row__editor" title={t('list.decidedBy', { editor: decidedBy })} {...{ [hooks.decidedBy]: '' }}>
          {decidedBy}
        </bdi>
      )}
    </>
  );
}
