import { compareReports, parseReport } from '../../shared/engine';
import type { AliasTable, Claim, ClaimMatch, ParsedReport } from '../../shared/engine/types';
import type { Report } from '../../shared/model/report';
import { HandlerError } from './handler-error';

/**
 * Claims and matches are derived from report texts by the engine, never stored: the log records
 * decisions about claims, and a claim id names a span of an immutable text. This caches the
 * derivation, keyed by the text's hash, so each report is parsed once per process.
 */
export class ClaimCatalog {
  private readonly parsed = new Map<string, ParsedReport>();
  private readonly matches = new Map<string, ClaimMatch[]>();

  constructor(private readonly aliases: () => AliasTable) {}

  parse(report: Report): ParsedReport {
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
    const key = `${a.id}|${a.textSha256}|${b.id}|${b.textSha256}`;
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
    this.matches.clear();
  }
}
