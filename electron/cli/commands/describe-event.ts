import type { LogEvent } from '../../../shared/model/events';

/** What an event did, in one line an editor can read in a listing of the history. */
export function describeEvent(event: LogEvent): string {
  switch (event.type) {
    case 'report.imported': {
      const { report } = event.payload;
      return `imported ${report.id} (${report.outlet}), text sha256 ${report.textSha256}`;
    }
    case 'report.removed':
      return `removed report ${event.payload.reportId}${reason(event.payload.reason)}`;
    case 'settings.changed':
      return `settings: ${Object.entries(event.payload.changes)
        .map(([key, value]) => `${key} = ${JSON.stringify(value)}`)
        .join(', ')}`;
    case 'claim.statusChanged': {
      const { claimId, from, to, note } = event.payload;
      return `${claimId}: ${from} → ${to}${note ? ` (note: ${note})` : ''}`;
    }
    case 'group.statusChanged': {
      const { group, to, note, claims } = event.payload;
      return `group ${group}: ${claims.length} claim(s) → ${to}${note ? ` (note: ${note})` : ''}: ${claims.map((c) => `${c.claimId} (was ${c.from})`).join(', ')}`;
    }
    case 'evidence.added':
    case 'evidence.edited': {
      const { claimId, evidenceId, evidence } = event.payload;
      const verb = event.type === 'evidence.added' ? 'added' : 'edited';
      return `${claimId}: ${verb} evidence ${evidenceId} (${evidence.kind}, ${evidence.stance}${evidence.url ? `, ${evidence.url}` : ''})`;
    }
    case 'evidence.removed':
      return `${event.payload.claimId}: removed evidence ${event.payload.evidenceId}${reason(event.payload.reason)}`;
    case 'report.versioned': {
      const { reportId, replaces, changes } = event.payload;
      const count = (kind: string) => changes.filter((c) => c.change === kind).length;
      const recheck = changes.filter((c) => c.recheck).length;
      return `${reportId} is an updated version of ${replaces}: ${count('unchanged')} unchanged, ${count('edited')} edited, ${count('added')} added, ${count('removed')} removed claims${recheck > 0 ? `; ${recheck} to re-check` : ''}`;
    }
    case 'claim.split':
    case 'claim.merged':
    case 'claim.drawn':
    case 'claim.resized': {
      const { reportId, removed, claims, carried } = event.payload;
      const made = claims.map((c) => `${reportId}:${c.start}-${c.end}`).join(' and ');
      const verb = { 'claim.split': 'split', 'claim.merged': 'merged', 'claim.drawn': 'drew', 'claim.resized': 'moved the boundaries of' }[event.type];
      const moved = carried.length > 0 ? `; decisions carried: ${carried.map((c) => `${c.from} → ${c.to}${c.recheck ? ' (re-check)' : ''}`).join(', ')}` : '';
      return `${verb} ${removed.length > 0 ? `${removed.join(' and ')} into ` : 'a claim: '}${made}${moved}`;
    }
    case 'claim.linked':
      return `linked ${event.payload.a} and ${event.payload.b} as ${event.payload.relation}${reason(event.payload.note)}`;
    case 'claim.unlinked':
      return `unlinked ${event.payload.a} and ${event.payload.b}${reason(event.payload.note)}`;
    case 'claim.commented':
      return `${event.payload.claimId}: comment: ${event.payload.text}`;
    case 'story.members':
      return `story members: ${event.payload.members.map((member) => `${member.editor} (${member.role}, key ${member.keyId.slice(0, 12)}…)`).join(', ')}`;
    case 'key.registered':
      return `signing key ${event.payload.keyId.slice(0, 16)}… of ${event.payload.editor}`;
    case 'log.restored':
      return `restored ${event.payload.count} events from ${event.payload.export}; ${event.payload.files.length} damaged file(s) set aside`;
    case 'log.gap':
      return `recorded gap: events #${event.payload.from}–#${event.payload.to} lost (${event.payload.reason})`;
  }
}

function reason(text: string | null): string {
  return text ? ` (reason: ${text})` : '';
}
