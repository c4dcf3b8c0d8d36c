import type { ClaimEditResult, ClaimOriginView } from '../../shared/contract/channels';
import type { Claim, ParsedReport } from '../../shared/engine/types';
import type { DraftEvent } from '../../shared/model/events';
import type { Report } from '../../shared/model/report';
import type { ClaimReshape } from '../../shared/model/story-events';
import { claimSpan, trimSpan, type TextSpan } from '../../shared/story/claim-edits';
import { currentEditor } from './editor';
import { HandlerError } from './handler-error';
import type { HandlerContext, HandlerGroup } from './handler-types';

type EditChannels = 'reports:claims' | 'claims:split' | 'claims:merge' | 'claims:draw' | 'claims:resize';

const WORDS = /[\p{L}\p{N}]/u;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The editor corrects the engine's claim boundaries: split, merge, draw, move. Each is one event
 * with the editor and the time, written after the carried decisions (like an updated version's):
 * the claims it replaces keep their own decisions in the log, and the claims it makes get them
 * again, flagged "re-check" where the words under a decision changed.
 */
export function claimEditHandlers(context: HandlerContext): HandlerGroup<EditChannels> {
  const { store, catalog } = context;
  const { state } = store;

  const reportOf = (reportId: string): Report => {
    const report = state.reports.get(reportId);
    if (!report) throw new HandlerError('unknown-report', `no report with id ${reportId}`);
    return report;
  };

  /** A span that makes a claim: trimmed, on whole characters, within one paragraph, over no other claim. */
  const checkSpan = (parsed: ParsedReport, given: TextSpan, replacing: readonly string[]): TextSpan => {
    const { text } = parsed.report;
    if (given.end > text.length) throw new HandlerError('bad-span', `the report's text has ${text.length} characters: ${given.end} is past its end`);
    const span = trimSpan(text, given);
    if (span.start >= span.end || !WORDS.test(text.slice(span.start, span.end))) throw new HandlerError('bad-span', 'a claim needs words: the chosen text is empty or only spaces and punctuation');
    if (isLowSurrogate(text.charCodeAt(span.start)) || isLowSurrogate(text.charCodeAt(span.end))) throw new HandlerError('bad-span', 'the chosen text cuts a character in two');
    const paragraph = parsed.blocks.find((b) => b.kind === 'paragraph' && b.start <= span.start && span.end <= b.end);
    if (!paragraph) throw new HandlerError('bad-span', 'a claim lies within one paragraph of the report (not across paragraphs, a heading or a set-apart passage)');
    const over = parsed.claims.find((c) => !replacing.includes(c.id) && c.start < span.end && span.start < c.end);
    if (over) throw new HandlerError('overlaps-claim', `the chosen text overlaps the claim «${over.text.length > 60 ? `${over.text.slice(0, 59)}…` : over.text}» (${over.id}): move its boundaries or split it first`);
    return span;
  };

  const claimIn = (claimId: string): { claim: Claim; report: Report; parsed: ParsedReport } => {
    const { claim, report } = catalog.claim(claimId, state.reports);
    return { claim, report, parsed: catalog.parse(report) };
  };

  const decided = (claimId: string) => {
    const status = state.statuses.get(claimId);
    return { status: status && status.status !== 'unverified' ? status : null, evidence: state.evidence.get(claimId) ?? [] };
  };

  /**
   * The carried decisions, as events, and the moves the correction records. Each new claim gets the
   * evidence of every claim it comes from, and their status where they agree; a new claim that
   * carries a decision is flagged re-check, since its words are not the ones decided on.
   */
  const carry = (report: Report, parsed: ParsedReport, from: readonly string[], to: readonly TextSpan[], verb: string) => {
    const drafts: DraftEvent[] = [];
    const carried: ClaimReshape['carried'] = [];
    const { text } = parsed.report;
    for (const span of to) {
      const target = `${report.id}:${span.start}-${span.end}`;
      const sources = from.map((id) => ({ id, ...decided(id) }));
      const statuses = new Set(sources.flatMap((s) => (s.status ? [s.status.status] : [])));
      const status = statuses.size === 1 ? sources.find((s) => s.status)!.status! : null;
      // A merge or move can give back the span of a claim replaced before: what it still holds is not carried twice.
      const held = new Set((state.evidence.get(target) ?? []).map((e) => e.id.split('@')[0]));
      if (status && state.statuses.get(target)?.status !== status.status) {
        const noted = sources.filter((s) => s.status?.note).map((s) => s.status!.note).join(' / ');
        drafts.push({
          type: 'claim.statusChanged',
          payload: { claimId: target, reportId: report.id, from: 'unverified', to: status.status, note: `Carried over when an editor ${verb} ${from.join(' and ')}, decided by ${status.editor}${noted ? `: ${noted}` : ''}`, selector: selectorOf(text, span) },
        });
      }
      for (const source of sources) {
        for (const item of source.evidence) {
          if (held.has(item.id.split('@')[0])) continue;
          held.add(item.id.split('@')[0]);
          drafts.push({ type: 'evidence.added', payload: { claimId: target, evidenceId: `${item.id}@${target}`, evidence: { kind: item.kind, url: item.url, quote: item.quote, stance: item.stance, note: item.note } } });
        }
        if (source.status || source.evidence.length > 0) carried.push({ from: source.id, to: target, recheck: true });
      }
    }
    return { drafts, carried };
  };

  const record = async (draft: (carried: ClaimReshape['carried']) => DraftEvent, carriedDrafts: { drafts: DraftEvent[]; carried: ClaimReshape['carried'] }, reportId: string, spans: readonly TextSpan[]): Promise<ClaimEditResult> => {
    const editor = currentEditor(context);
    await store.commit([...carriedDrafts.drafts, draft(carriedDrafts.carried)], editor);
    return { claimIds: spans.map((s) => `${reportId}:${s.start}-${s.end}`), carried: carriedDrafts.carried };
  };

  return {
    'reports:claims': async ({ id }) => {
      const report = reportOf(id);
      return { claims: catalog.parse(report).claims, origins: Object.fromEntries(catalog.origins(report)) };
    },

    'claims:split': async ({ claimId, at }) => {
      currentEditor(context);
      const { claim, report, parsed } = claimIn(claimId);
      if (at <= claim.start || at >= claim.end) throw new HandlerError('bad-span', `split inside the claim: between ${claim.start + 1} and ${claim.end - 1}, not at ${at}`);
      const spans = [checkSpan(parsed, { start: claim.start, end: at }, [claimId]), checkSpan(parsed, { start: at, end: claim.end }, [claimId])];
      const carried = carry(report, parsed, [claimId], spans, 'split');
      return record((moves) => ({ type: 'claim.split', payload: { reportId: report.id, claimId, at, removed: [claimId], claims: spans, carried: moves } }), carried, report.id, spans);
    },

    'claims:merge': async ({ a, b }) => {
      currentEditor(context);
      if (a === b) throw new HandlerError('same-claim', 'choose two different claims to merge');
      const first = claimIn(a);
      const second = claimIn(b);
      if (first.report.id !== second.report.id) throw new HandlerError('other-report', 'only claims of one report can be merged');
      const [x, y] = first.claim.start < second.claim.start ? [first.claim, second.claim] : [second.claim, first.claim];
      const order = first.parsed.claims.map((c) => c.id);
      if (order.indexOf(y.id) - order.indexOf(x.id) !== 1) throw new HandlerError('not-adjacent', 'only two claims next to each other can be merged: another claim lies between them');
      const span = checkSpan(first.parsed, { start: x.start, end: y.end }, [x.id, y.id]);
      const carried = carry(first.report, first.parsed, [x.id, y.id], [span], 'merged');
      return record((moves) => ({ type: 'claim.merged', payload: { reportId: first.report.id, a: x.id, b: y.id, removed: [x.id, y.id], claims: [span], carried: moves } }), carried, first.report.id, [span]);
    },

    'claims:draw': async ({ reportId, start, end }) => {
      currentEditor(context);
      if (start >= end) throw new HandlerError('bad-span', 'choose some text: the claim ends before it starts');
      const report = reportOf(reportId);
      const parsed = catalog.parse(report);
      const span = checkSpan(parsed, { start, end }, []);
      return record((moves) => ({ type: 'claim.drawn', payload: { reportId, removed: [], claims: [span], carried: moves } }), { drafts: [], carried: [] }, reportId, [span]);
    },

    'claims:resize': async ({ claimId, start, end }) => {
      currentEditor(context);
      if (start >= end) throw new HandlerError('bad-span', 'choose some text: the claim ends before it starts');
      const { claim, report, parsed } = claimIn(claimId);
      const span = checkSpan(parsed, { start, end }, [claimId]);
      if (span.start === claim.start && span.end === claim.end) throw new HandlerError('unchanged', 'the claim already has these boundaries');
      const carried = carry(report, parsed, [claimId], [span], 'moved the boundaries of');
      return record((moves) => ({ type: 'claim.resized', payload: { reportId: report.id, claimId, removed: [claimId], claims: [span], carried: moves } }), carried, report.id, [span]);
    },
  };
}

function selectorOf(text: string, span: TextSpan) {
  return { type: 'TextQuoteSelector' as const, exact: text.slice(span.start, span.end), prefix: text.slice(Math.max(0, span.start - 32), span.start), suffix: text.slice(span.end, span.end + 32) };
}

/** A claim an editor made, with the words and decisions of the claims it replaced. */
export function originView(context: HandlerContext, report: Report, claimId: string): ClaimOriginView | null {
  const origin = context.catalog.origins(report).get(claimId);
  if (!origin) return null;
  const { state } = context.store;
  return {
    ...origin,
    from: origin.from.map((id) => {
      const span = claimSpan(id);
      return { claimId: id, text: span ? report.text.slice(span.start, span.end) : '', status: state.statuses.get(id) ?? null, evidence: state.evidence.get(id)?.length ?? 0 };
    }),
  };
}
