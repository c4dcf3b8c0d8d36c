import { compareReports, parseReport } from '../../shared/engine';
import type { AliasTable, Claim, ClaimMatch, ParsedReport } from '../../shared/engine/types';
import type { Report } from '../../shared/model/report';
import type { ClaimEdit } from '../../shared/model/state';
import { applyClaimEdits, type ClaimOrigin } from '../../shared/story/claim-edits';
import { HandlerError } from './handler-error';

/**
 * Claims and matches are derived from report texts by the engine, never stored: the log records
 * decisions about claims, and a claim id names a span of an immutable text. This caches the
 * derivation, keyed by the text's hash, so each report is parsed once per process.
 */
export class ClaimCatalog {
  private readonly parsed = new Map<string, ParsedReport>();
  private readonly edited = new Map<string, { parsed: ParsedReport; origins: Map<string, ClaimOrigin> }>();
  private readonly matches = new Map<string, ClaimMatch[]>();

  /** `edits`: the editors' corrections of a report's claim boundaries, laid over the engine's claims. */
  constructor(
    private readonly aliases: () => AliasTable,
    private readonly edits: (reportId: string) => readonly ClaimEdit[] = () => [],
  ) {}

  /** Which version of a report's claims: its text and the editors' corrections so far. */
  private key(report: Report): string {
    const edits = this.edits(report.id);
    return `${report.id}|${report.textSha256}|${edits.length}|${edits.at(-1)?.seq ?? 0}`;
  }

  /** The report's claims as the story has them: the engine's, with every editor's correction applied. */
  parse(report: Report): ParsedReport {
    return this.withEdits(report).parsed;
  }

  /** The claims of the report that an editor made (split, merged, drawn, moved), and how. */
  origins(report: Report): ReadonlyMap<string, ClaimOrigin> {
    return this.withEdits(report).origins;
  }

  private withEdits(report: Report): { parsed: ParsedReport; origins: Map<string, ClaimOrigin> } {
    const key = this.key(report);
    let found = this.edited.get(key);
    if (!found) {
      found = applyClaimEdits(this.engineParse(report), this.edits(report.id));
      this.edited.set(key, found);
    }
    return found;
  }

  /** The engine's own claims of the report, before any editor's correction. */
  engineParse(report: Report): ParsedReport {
    const key = `${report.id}|${report.textSha256}`;
    let parsed = this.parsed.get(key);
    if (!parsed) {
      parsed = parseReport({
        id: report.id,
        outlet: report.outlet,
        title: report.title,
        text: report.text,
        publishedAt: report.publishedAt,
        language: report.language,
      });
      this.parsed.set(key, parsed);
    }
    return parsed;
  }

  compare(a: Report, b: Report): ClaimMatch[] {
    const key = `${this.key(a)}|${this.key(b)}`;
    let found = this.matches.get(key);
    if (!found) {
      found = compareReports(this.parse(a), this.parse(b), { aliases: this.aliases() });
      this.matches.set(key, found);
    }
    return found;
  }

  /** Finds a claim by id among the given reports, or explains why it cannot. */
  claim(claimId: string, reports: ReadonlyMap<string, Report>): { claim: Claim; report: Report } {
    const reportId = claimId.slice(0, claimId.lastIndexOf(':'));
    const report = reports.get(reportId);
    if (!report) throw new HandlerError('unknown-claim', `no report holds claim ${claimId}`);
    const claim = this.parse(report).claims.find((c) => c.id === claimId);
    if (!claim) throw new HandlerError('unknown-claim', `report ${report.outlet} has no claim ${claimId}`);
    return { claim, report };
  }

  /** Forget a report's derived claims (after the engine's aliases change, say). */
  clear(): void {
    this.parsed.clear();
    this.edited.clear();
    this.matches.clear();
  }
}
