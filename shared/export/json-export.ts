import type { Claim } from '../engine/types';
import type { StoryLink } from '../story/story-links';
import type { ClaimGroup } from '../story/claim-groups';
import type { Evidence } from '../model/evidence';
import type { LogEvent, Settings } from '../model/events';
import type { ClaimStatus, ReportVersion } from '../model/state';
import { exportFileName } from './export-scope';
import type { ExportClaimEdit, ExportFile, ExportModel, ExportScope } from './export-types';
import type { ClaimOrigin } from '../story/claim-edits';

export const EXPORT_KIND = 'isnad-export';
export const EXPORT_SCHEMA_VERSION = 1;

/**
 * A claim as export version 1 carries it: the engine's fields named one by one, so that a field
 * the engine adds later does not change the format unannounced. Offsets are UTF-16 code units.
 */
export type JsonExportClaim = Pick<Claim, 'id' | 'reportId' | 'text' | 'start' | 'end' | 'section' | 'selector'>;

/** The JSON export, version 1. `log` alone is the record; everything else is a view of it. */
export interface JsonExport {
  kind: typeof EXPORT_KIND;
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  exportedAt: string;
  about: string;
  scope: ExportScope;
  /** Always null: an export covers every report of the story, not the two an editor had open. */
  pair: null;
  settings: Settings;
  log: { events: readonly LogEvent[]; headHash: string; count: number };
  /** Which editors' keys signed the log's events, as its key registrations name them (`log verify FILE` checks each signature). */
  signers: ExportSigner[];
  reports: { id: string; outlet: string; title: string; publishedAt: string | null; language: string; url: string | null; fetchedAt: string | null; textSha256: string; text: string }[];
  /** Updated versions: each report's claims against the version it replaces. */
  versions: Pick<ReportVersion, 'reportId' | 'replaces' | 'changes' | 'editor' | 'at'>[];
  /** Claims (with `needsRecheck`, and in an updated version `previousVersion`). */
  claims: (JsonExportClaim & { needsRecheck: boolean; previousVersion: string | null; origin: ClaimOrigin | null })[];
  /**
   * The editors' corrections of claim boundaries (split, merged, drawn, resized), oldest first: the
   * claims each replaced with the decisions they keep, the claims it made, and where decisions went.
   */
  claimEdits: ExportClaimEdit[];
  /**
   * Every link between two claims of the story: the engine's (`origin: "engine"`) and the editors'
   * (`editor-confirmed`: the engine's link, confirmed; `editor-made`: linked by hand, or another
   * relation than the engine's), with `editor` and `at`.
   */
  matches: StoryLink[];
  /** Claim groups over every report: the claims that state the same fact, each claim in one group, and the groups each is related to or contradicts. */
  groups: ClaimGroup[];
  statuses: ClaimStatus[];
  evidence: Evidence[];
}

export interface ExportSigner {
  keyId: string;
  editor: string;
  events: number;
}

/** The keys that signed events, with the editor each was registered for, in order of first use. */
export function signersOf(events: readonly LogEvent[]): ExportSigner[] {
  const editorOf = new Map<string, string>();
  for (const event of events) if (event.type === 'key.registered') editorOf.set(event.payload.keyId, event.payload.editor);
  const signers = new Map<string, ExportSigner>();
  for (const event of events) {
    if (event.key === undefined) continue;
    const signer = signers.get(event.key) ?? { keyId: event.key, editor: editorOf.get(event.key) ?? event.editor, events: 0 };
    signer.events++;
    signers.set(event.key, signer);
  }
  return [...signers.values()];
}

const ABOUT =
  'Exported by Isnad. "log" is the full hash-chained history whatever the scope: a partial chain cannot be verified. ' +
  'Check it with `isnad log verify FILE`. "reports", "versions", "claims", "matches", "statuses" and "evidence" are the current state of the whole story, limited to the scope.';

export function toJsonExport(model: ExportModel): JsonExport {
  return {
    kind: EXPORT_KIND,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: model.exportedAt,
    about: ABOUT,
    scope: model.scope,
    pair: null,
    settings: model.settings,
    // Always the whole chain: each event's hash covers the one before it, so a slice cannot be checked.
    log: { events: model.events, headHash: model.headHash, count: model.events.length },
    signers: signersOf(model.events),
    reports: model.reports.map(({ id, outlet, title, publishedAt, language, url, fetchedAt, textSha256, text }) => ({
      id,
      outlet,
      title,
      publishedAt,
      language,
      url,
      fetchedAt: fetchedAt ?? null,
      textSha256,
      text,
    })),
    versions: model.versions.map(({ reportId, replaces, changes, editor, at }) => ({ reportId, replaces, changes, editor, at })),
    claims: model.claims.map(({ claim, needsRecheck, previousVersion, origin }) => ({
      id: claim.id,
      reportId: claim.reportId,
      text: claim.text,
      start: claim.start,
      end: claim.end,
      section: claim.section,
      selector: claim.selector,
      needsRecheck,
      previousVersion,
      origin,
    })),
    claimEdits: model.claimEdits,
    matches: model.groups.map((group) => group.match),
    groups: model.claimGroups,
    statuses: model.statuses,
    evidence: model.evidence,
  };
}

export function buildJsonExport(model: ExportModel): ExportFile {
  return {
    fileName: exportFileName(model.scope, model.exportedAt, 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify(toJsonExport(model), null, 2)}\n`,
  };
}
