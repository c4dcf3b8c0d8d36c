import { randomUUID } from 'node:crypto';
import type { ClaimDetail } from '../../shared/contract/channels';
import type { DraftEvent } from '../../shared/model/events';
import type { ClaimStatus } from '../../shared/model/state';
import { statusOf } from '../../shared/model/state';
import { VERDICT_LABELS, verdictNeedsNote, type Verdict } from '../../shared/model/verdict';
import type { Claim } from '../../shared/engine/types';
import { currentEditor } from './editor';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlerGroup } from './handler-types';
import { summarize } from './report-summary';
import { storyGroups, storyLinksBetween } from './story-links';
import { storyMatrix } from './story-matrix';
import { linkKey } from '../../shared/model/story-events';
import { claimSpan } from '../../shared/story/claim-edits';
import { originView } from './claim-edit-handlers';

type ClaimChannels = 'compare:run' | 'claims:get' | 'claims:setStatus' | 'claims:setGroupStatus' | 'claims:link' | 'claims:unlink' | 'story:groups' | 'story:matrix' | 'claims:group' | 'evidence:add' | 'evidence:update' | 'evidence:remove';

export function claimHandlers(context: HandlerContext): HandlerGroup<ClaimChannels> {
  const { store, catalog } = context;
  const { state } = store;
  const findClaim = (claimId: string) => catalog.claim(claimId, state.reports);

  const recheckOf = (claimId: string): ClaimDetail['needsRecheck'] => {
    const flag = state.recheck.get(claimId);
    if (!flag) return null;
    let previousText: string | null = null;
    try {
      previousText = catalog.claim(flag.previousClaimId, state.reports).claim.text;
    } catch {
      // Replaced by an editor's correction: its span of the same text still says its words. Or the
      // previous version was removed since: the flag still stands, without its words.
      const report = state.reports.get(flag.previousClaimId.slice(0, flag.previousClaimId.lastIndexOf(':')));
      const span = claimSpan(flag.previousClaimId);
      if (report && span) previousText = report.text.slice(span.start, span.end);
    }
    return { previousClaimId: flag.previousClaimId, previousText };
  };

  /** Two claims in two different reports, for a link or an unlink. */
  const claimPair = (a: string, b: string) => {
    if (a === b) throw new HandlerError('same-claim', 'choose two different claims to link');
    const first = findClaim(a);
    const second = findClaim(b);
    if (first.report.id === second.report.id) throw new HandlerError('same-report', 'both claims are in the same report: link claims of two reports');
    return [first, second] as const;
  };

  const requireNote = (status: Verdict, note: string | null) => {
    if (verdictNeedsNote(status) && !note) {
      throw new HandlerError('note-required', `a note is required to mark a claim ${VERDICT_LABELS[status].toLowerCase()}: say what is wrong with it`);
    }
  };

  /** The claims a verdict changes, each with what it was; every id is checked before anything is written. */
  const changesTo = (claimIds: readonly string[], status: Verdict, note: string | null) => {
    const changes: { claimId: string; reportId: string; from: Verdict; selector: Claim['selector'] }[] = [];
    for (const claimId of claimIds) {
      const { claim, report } = findClaim(claimId);
      const from = statusOf(state, claimId);
      const current = state.statuses.get(claimId);
      // The same status again is still an editor's act on a claim flagged "re-check", and on a claim
      // in conflict, where deciding it even as it shows resolves it: both are recorded.
      if (from === status && (current?.note ?? null) === note && !state.recheck.has(claimId) && !current?.conflict) continue;
      changes.push({ claimId, reportId: report.id, from, selector: claim.selector });
    }
    return changes;
  };
  const statusesOf = (claimIds: readonly string[]) => claimIds.map((id) => state.statuses.get(id)).filter((s): s is ClaimStatus => s !== undefined);

  const detail = async (claimId: string): Promise<ClaimDetail> => ({
    claimId,
    origin: originView(context, findClaim(claimId).report, claimId),
    needsRecheck: recheckOf(claimId),
    status: state.statuses.get(claimId) ?? null,
    evidence: state.evidence.get(claimId) ?? [],
    history: await store.readEvents(state.claimEvents.get(claimId) ?? []),
  });

  const findEvidence = (claimId: string, evidenceId: string) => {
    const item = (state.evidence.get(claimId) ?? []).find((e) => e.id === evidenceId);
    if (!item) throw new HandlerError('unknown-evidence', `claim ${claimId} has no evidence ${evidenceId} (it may have been removed)`);
    return item;
  };

  return {
    'compare:run': async ({ a, b }) => {
      if (a === b) throw new HandlerError('same-report', 'choose two different reports to compare');
      const [reportA, reportB] = [a, b].map((id) => {
        const report = state.reports.get(id);
        if (!report) throw new HandlerError('unknown-report', `no report with id ${id}`);
        return report;
      }) as [NonNullable<ReturnType<typeof state.reports.get>>, NonNullable<ReturnType<typeof state.reports.get>>];
      const parsedA = catalog.parse(reportA);
      const parsedB = catalog.parse(reportB);
      const statuses: Record<string, ClaimStatus> = {};
      const evidenceCounts: Record<string, number> = {};
      const recheck: Record<string, { previousClaimId: string }> = {};
      for (const claim of [...parsedA.claims, ...parsedB.claims]) {
        const status = state.statuses.get(claim.id);
        if (status) statuses[claim.id] = status;
        const count = state.evidence.get(claim.id)?.length ?? 0;
        if (count > 0) evidenceCounts[claim.id] = count;
        const flag = state.recheck.get(claim.id);
        if (flag) recheck[claim.id] = { previousClaimId: flag.previousClaimId };
      }
      return {
        a: parsedA,
        b: parsedB,
        summaries: [summarize(reportA, store), summarize(reportB, store)],
        matches: storyLinksBetween(context, reportA, reportB),
        statuses,
        evidenceCounts,
        recheck,
        origins: Object.fromEntries([...catalog.origins(reportA), ...catalog.origins(reportB)]),
      };
    },

    'claims:get': async ({ claimId }) => {
      findClaim(claimId);
      return detail(claimId);
    },

    'claims:setStatus': async ({ claimIds: requested, status, note: givenNote }) => {
      const editor = currentEditor(context);
      const claimIds = [...new Set(requested)];
      const note = givenNote || null;
      requireNote(status, note);
      const drafts: DraftEvent[] = changesTo(claimIds, status, note).map((change) => ({ type: 'claim.statusChanged', payload: { ...change, to: status, note } }));
      if (drafts.length > 0) await store.commit(drafts, editor);
      return statusesOf(claimIds);
    },

    'claims:setGroupStatus': async ({ claimId, status, note: givenNote, only }) => {
      const editor = currentEditor(context);
      const note = givenNote || null;
      requireNote(status, note);
      findClaim(claimId);
      const group = storyGroups(context).find((g) => g.claims.includes(claimId))!;
      const undecided = (id: string) => statusOf(state, id) === 'unverified';
      const changes = changesTo(only === 'undecided' ? group.claims.filter(undecided) : group.claims, status, note);
      if (changes.length > 0) await store.commit([{ type: 'group.statusChanged', payload: { group: group.id, to: status, note, claims: changes } }], editor);
      return statusesOf(group.claims);
    },

    'claims:link': async ({ a, b, relation, note }) => {
      const editor = currentEditor(context);
      claimPair(a, b);
      const current = state.links.get(linkKey(a, b));
      if (current?.relation !== relation || (current.note ?? null) !== (note || null)) {
        await store.commit([{ type: 'claim.linked', payload: { a, b, relation, note: note || null } }], editor);
      }
      return detail(a);
    },

    'claims:unlink': async ({ a, b, note }) => {
      const editor = currentEditor(context);
      const [first, second] = claimPair(a, b);
      const key = linkKey(a, b);
      const engineLinked = catalog.compare(first.report, second.report).some((m) => linkKey(m.a, m.b) === key) || catalog.compare(second.report, first.report).some((m) => linkKey(m.a, m.b) === key);
      const word = state.links.get(key);
      const linked = word ? word.relation !== null : engineLinked;
      if (!linked) throw new HandlerError('not-linked', 'these two claims are not linked');
      await store.commit([{ type: 'claim.unlinked', payload: { a, b, note: note || null } }], editor);
      return detail(a);
    },

    'story:groups': async () => ({ groups: storyGroups(context) }),
    'story:matrix': async () => storyMatrix(context),
    'claims:group': async ({ claimId }) => {
      findClaim(claimId);
      const group = storyGroups(context).find((g) => g.claims.includes(claimId))!;
      return {
        group: group.id,
        members: group.claims.map((id) => {
          const { claim, report } = findClaim(id);
          return { claimId: id, reportId: report.id, outlet: report.outlet, text: claim.text, status: state.statuses.get(id) ?? null };
        }),
      };
    },

    'evidence:add': async ({ claimId, evidence }) => {
      const editor = currentEditor(context);
      findClaim(claimId);
      const evidenceId = randomUUID();
      await store.commit([{ type: 'evidence.added', payload: { claimId, evidenceId, evidence } }], editor);
      return findEvidence(claimId, evidenceId);
    },

    'evidence:update': async ({ claimId, evidenceId, evidence }) => {
      const editor = currentEditor(context);
      findClaim(claimId);
      findEvidence(claimId, evidenceId);
      await store.commit([{ type: 'evidence.edited', payload: { claimId, evidenceId, evidence } }], editor);
      return findEvidence(claimId, evidenceId);
    },

    'evidence:remove': async ({ claimId, evidenceId, reason }) => {
      const editor = currentEditor(context);
      findEvidence(claimId, evidenceId);
      await store.commit([{ type: 'evidence.removed', payload: { claimId, evidenceId, reason } }], editor);
      return detail(claimId);
    },
  };
}
