import { randomUUID } from 'node:crypto';
import type { ClaimDetail } from '../../shared/contract/channels';
import type { DraftEvent } from '../../shared/model/events';
import type { ClaimStatus } from '../../shared/model/state';
import { statusOf } from '../../shared/model/state';
import { VERDICT_LABELS, verdictNeedsNote } from '../../shared/model/verdict';
import { currentEditor } from './editor';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlerGroup } from './handler-types';
import { summarize } from './report-summary';

type ClaimChannels = 'compare:run' | 'claims:get' | 'claims:setStatus' | 'evidence:add' | 'evidence:update' | 'evidence:remove';

export function claimHandlers(context: HandlerContext): HandlerGroup<ClaimChannels> {
  const { store, catalog } = context;
  const { state } = store;
  const findClaim = (claimId: string) => catalog.claim(claimId, state.reports);

  const detail = async (claimId: string): Promise<ClaimDetail> => ({
    claimId,
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
      for (const claim of [...parsedA.claims, ...parsedB.claims]) {
        const status = state.statuses.get(claim.id);
        if (status) statuses[claim.id] = status;
        const count = state.evidence.get(claim.id)?.length ?? 0;
        if (count > 0) evidenceCounts[claim.id] = count;
      }
      return {
        a: parsedA,
        b: parsedB,
        summaries: [summarize(reportA, store), summarize(reportB, store)],
        matches: catalog.compare(reportA, reportB),
        statuses,
        evidenceCounts,
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
      if (verdictNeedsNote(status) && !note) {
        throw new HandlerError('note-required', `a note is required to mark a claim ${VERDICT_LABELS[status].toLowerCase()}: say what is wrong with it`);
      }
      const drafts: DraftEvent[] = [];
      for (const claimId of claimIds) {
        const { claim, report } = findClaim(claimId);
        const from = statusOf(state, claimId);
        const current = state.statuses.get(claimId);
        // A claim in conflict is never "already" at a status: deciding it, even as it shows, resolves it.
        if (from === status && (current?.note ?? null) === note && !current?.conflict) continue;
        drafts.push({ type: 'claim.statusChanged', payload: { claimId, reportId: report.id, from, to: status, note, selector: claim.selector } });
      }
      if (drafts.length > 0) await store.commit(drafts, editor);
      return claimIds.map((id) => state.statuses.get(id)).filter((s): s is ClaimStatus => s !== undefined);
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
