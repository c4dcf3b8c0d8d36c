import { useEffect, useState } from 'react';
import type { ClaimGroupView } from '../../../shared/contract/channels';
import { call } from '../api/client';

/**
 * The claim's group across the story (every report, not only the two on screen), read again when
 * `revision` changes. Null while it loads or when it cannot be read: the group is a help beside the
 * claim's own status, never needed to decide it.
 */
export function useClaimGroup(claimId: string, revision: number): ClaimGroupView | null {
  const [group, setGroup] = useState<ClaimGroupView | null>(null);
  useEffect(() => {
    let live = true;
    call('claims:group', { claimId })
      .then((value) => live && setGroup(value))
      .catch(() => live && setGroup(null));
    return () => {
      live = false;
    };
  }, [claimId, revision]);
  return group?.members.some((m) => m.claimId === claimId) ? group : null;
}

/** Members whose verdict (or its note) differs from the claim's own: what "apply to the group" changes. */
export function membersToChange(group: ClaimGroupView, status: string, note: string | null): ClaimGroupView['members'] {
  return group.members.filter((m) => (m.status?.status ?? 'unverified') !== status || (m.status?.note ?? null) !== note || m.status?.conflict !== undefined);
}
