import type { ActivityItem } from '../../shared/contract/channels';
import type { LogEvent } from '../../shared/model/events';
import type { HandlerContext, HandlerGroup } from './handler-types';

/** The claim and report an event concerns, as its payload names them. */
function subjectOf(event: LogEvent): { claimId: string | null; reportId: string | null } {
  switch (event.type) {
    case 'claim.statusChanged':
    case 'claim.commented':
      return { claimId: event.payload.claimId, reportId: event.payload.reportId };
    case 'group.statusChanged':
      return { claimId: event.payload.claims[0]!.claimId, reportId: event.payload.claims[0]!.reportId };
    case 'evidence.added':
    case 'evidence.edited':
    case 'evidence.removed':
      return { claimId: event.payload.claimId, reportId: event.payload.claimId.slice(0, event.payload.claimId.lastIndexOf(':')) };
    case 'report.imported':
      return { claimId: null, reportId: event.payload.report.id };
    case 'report.removed':
      return { claimId: null, reportId: event.payload.reportId };
    case 'report.versioned':
      return { claimId: null, reportId: event.payload.reportId };
    case 'claim.split':
    case 'claim.merged':
    case 'claim.drawn':
    case 'claim.resized': {
      const first = event.payload.claims[0]!;
      return { claimId: `${event.payload.reportId}:${first.start}-${first.end}`, reportId: event.payload.reportId };
    }
    case 'claim.linked':
    case 'claim.unlinked':
      return { claimId: event.payload.a, reportId: event.payload.a.slice(0, event.payload.a.lastIndexOf(':')) };
    case 'settings.changed':
    case 'story.members':
    case 'key.registered':
    case 'log.gap':
    case 'log.restored':
      return { claimId: null, reportId: null };
  }
}

export function activityHandlers(context: HandlerContext): HandlerGroup<'log:activity'> {
  const { store, catalog } = context;
  return {
    'log:activity': async () => {
      // Past events are read from the files, not kept in memory (the store opens from a checkpoint).
      const events = await store.allEvents();
      const outlets = new Map<string, string>();
      for (const event of events) if (event.type === 'report.imported') outlets.set(event.payload.report.id, event.payload.report.outlet);
      const items: ActivityItem[] = [];
      const here = context.editor ?? store.state.settings.editorName;
      for (let i = events.length - 1; i >= 0; i--) {
        const recorded = events[i]!;
        const { claimId, reportId } = subjectOf(recorded);
        let claimText: string | null = null;
        if (claimId) {
          try {
            claimText = catalog.claim(claimId, store.state.reports).claim.text;
          } catch {
            // The report was removed or re-split since: the status event still quotes the claim.
            claimText = recorded.type === 'claim.statusChanged' ? recorded.payload.selector.exact : recorded.type === 'group.statusChanged' ? recorded.payload.claims[0]!.selector.exact : null;
          }
        }
        // A report's text can be megabytes: the activity view shows only who imported what.
        const event: LogEvent =
          recorded.type === 'report.imported' ? { ...recorded, payload: { report: { ...recorded.payload.report, text: '' } } } : recorded;
        items.push({ event, claimId, reportId, claimText, outlet: reportId ? (outlets.get(reportId) ?? null) : null, ...(context.desk && here !== null && recorded.editor !== here ? { colleague: true } : {}) });
      }
      return items;
    },
  };
}
