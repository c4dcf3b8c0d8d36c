import type { LogEvent } from '../../../shared/model/events';
import type { EvidenceInput } from '../../../shared/model/evidence';
import type { Translate } from '../i18n/use-t';

/** What a piece of evidence is, in a few words: its link, else its quote or note, shortened. */
export function evidenceWhat(evidence: EvidenceInput): string {
  const text = evidence.url ?? evidence.quote ?? evidence.note ?? '';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Evidence as added, by id, from a list of events: a removal event carries only the id. */
export function evidenceById(events: readonly LogEvent[]): Map<string, EvidenceInput> {
  const byId = new Map<string, EvidenceInput>();
  for (const event of events) {
    if (event.type === 'evidence.added' || event.type === 'evidence.edited') byId.set(event.payload.evidenceId, event.payload.evidence);
  }
  return byId;
}

function reportOf(claimId: string): string {
  return claimId.slice(0, claimId.lastIndexOf(':'));
}

/** One event of the record in the editor's words: what changed, and for evidence, which. */
export function describeEvent(event: LogEvent, t: Translate, evidence: ReadonlyMap<string, EvidenceInput>, outletOf: (reportId: string) => string, self?: string): string {
  // A link names the other claim's outlet, seen from the claim whose history this is.
  const otherOf = (a: string, b: string) => outletOf(reportOf(a === self ? b : b === self ? a : b));
  const withReason = (text: string, reason: string | null) => (reason ? t('history.reason', { text, reason }) : text);
  switch (event.type) {
    case 'claim.statusChanged': {
      const { from, to, note } = event.payload;
      const values = { from: t(`verdict.${from}`), to: t(`verdict.${to}`), note };
      return note ? t('history.statusNote', values) : t('history.status', values);
    }
    case 'group.statusChanged': {
      const { to, note, claims } = event.payload;
      const values = { to: t(`verdict.${to}`), note, count: claims.length };
      return note ? t('history.groupStatusNote', values) : t('history.groupStatus', values);
    }
    case 'evidence.added': {
      const item = event.payload.evidence;
      return t('history.evidenceAddedWhat', { kind: t(`evidence.kind.${item.kind}`).toLowerCase(), stance: t(`stance.${item.stance}`), what: evidenceWhat(item) });
    }
    case 'evidence.edited':
      return t('history.evidenceEdited');
    case 'evidence.removed': {
      const item = evidence.get(event.payload.evidenceId);
      const text = item
        ? t('history.evidenceRemoved', { kind: t(`evidence.kind.${item.kind}`).toLowerCase(), stance: t(`stance.${item.stance}`), what: evidenceWhat(item) })
        : t('history.evidenceRemovedUnknown');
      return withReason(text, event.payload.reason);
    }
    case 'report.imported':
      return t('history.reportImported', { outlet: event.payload.report.outlet });
    case 'report.removed':
      return withReason(t('history.reportRemoved', { outlet: outletOf(event.payload.reportId) }), event.payload.reason);
    case 'settings.changed':
      return t('history.settingsChanged');
    case 'report.versioned':
      return t('history.versioned', { outlet: outletOf(event.payload.reportId) });
    case 'claim.split':
    case 'claim.merged':
    case 'claim.drawn':
    case 'claim.resized':
      return t(`history.${event.type === 'claim.split' ? 'split' : event.type === 'claim.merged' ? 'merged' : event.type === 'claim.drawn' ? 'drawn' : 'resized'}`, { carried: event.payload.carried.length });
    case 'claim.linked':
      return t('history.linked', { claim: otherOf(event.payload.a, event.payload.b), relation: t(`links.relation.${event.payload.relation}`) });
    case 'claim.unlinked':
      return withReason(t('history.unlinked', { claim: otherOf(event.payload.a, event.payload.b) }), event.payload.note);
    case 'key.registered':
      return t('history.keyRegistered');
    case 'claim.commented':
      return t('history.commented', { text: event.payload.text });
    case 'story.members':
      return t('history.storyMembers', { count: event.payload.members.length });
    case 'log.gap':
      return t('history.logGap', { from: event.payload.from, to: event.payload.to });
    case 'log.restored':
      return t('history.logRestored', { count: event.payload.count });
  }
}
