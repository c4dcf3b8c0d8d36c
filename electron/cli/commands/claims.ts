import type { ClaimDetail, ReportSummary } from '../../../shared/contract/channels';
import type { ClaimOrigin } from '../../../shared/story/claim-edits';
import type { Claim } from '../../../shared/engine/types';
import { VERDICTS, type Verdict } from '../../../shared/model/verdict';
import { LINK_RELATIONS } from '../../../shared/model/story-events';
import { CliError, type CliIo } from '../cli-io';
import { withDataDir, type Caller } from '../open-data-dir';
import { DATA_OPTIONS, excerpt, formatTable, oneOf, parseCommandArgs, USAGE_EXIT, withSubcommands } from './command-args';
import { describeEvent } from './describe-event';
import { oneLine, printJson, say } from '../terminal-text';

export const claimsCommand = withSubcommands('claims', {
  list: {
    usage: `list [--data-dir DIR] [--report ID] [--status S] [--json]
  Every claim of the stored reports with its status, who set it and when, and its evidence count;
  with --json also its claim group across the story (group) and needsRecheck.
  S is one of ${VERDICTS.join(', ')}.`,
    run: list,
  },
  'set-status': {
    usage: `set-status <claim-id>… --status S [--note TEXT] [--data-dir DIR] [--editor NAME]
  Sets the status of one or more claims (several ids: the same status for all, in one change).
  A note is required for false and misleading.`,
    run: setStatus,
  },
  'apply-to-group': {
    usage: `apply-to-group <claim-id> --status S [--note TEXT] [--undecided] [--data-dir DIR] [--editor NAME]
  Sets S on every claim of the claim's group across the story (see "claims list --json", group),
  recorded as one event; with --undecided only on the members still unverified.`,
    run: applyToGroup,
  },
  split: {
    usage: `split <claim-id> --at OFFSET [--data-dir DIR] [--editor NAME]
  Splits a claim in two at OFFSET (UTF-16 offset into the report's text, between the claim's start
  and end). Its status and evidence go to both halves, flagged re-check.`,
    run: (args, io) => reshape('split', args, io),
  },
  merge: {
    usage: `merge <claim-id> <claim-id> [--data-dir DIR] [--editor NAME]
  Merges two claims next to each other in one paragraph. Their evidence goes to the merged claim,
  their status where they agree; it is flagged re-check.`,
    run: (args, io) => reshape('merge', args, io),
  },
  draw: {
    usage: `draw <report-id> --start OFFSET --end OFFSET [--data-dir DIR] [--editor NAME]
  Draws a claim the engine did not make from a span of the report's text (within one paragraph,
  over no other claim).`,
    run: (args, io) => reshape('draw', args, io),
  },
  resize: {
    usage: `resize <claim-id> --start OFFSET --end OFFSET [--data-dir DIR] [--editor NAME]
  Moves a claim's boundaries; its decisions follow, flagged re-check.`,
    run: (args, io) => reshape('resize', args, io),
  },
  link: {
    usage: `link <claim-id> <claim-id> --relation R [--note TEXT] [--data-dir DIR] [--editor NAME]
  Links two claims of two reports as R, one of ${LINK_RELATIONS.join(', ')}: a link the engine missed,
  or another relation than the engine's, or the engine's link confirmed. Recomputing the engine's
  links never overrides it, and exports name the editor who made or confirmed it.`,
    run: link,
  },
  unlink: {
    usage: `unlink <claim-id> <claim-id> [--note TEXT] [--data-dir DIR] [--editor NAME]
  Says two claims are not linked, whatever the engine finds.`,
    run: unlink,
  },
  show: {
    usage: `show <claim-id> [--data-dir DIR] [--json]
  A claim's text, status, evidence and the history of decisions about it.`,
    run: show,
  },
});

/** One row of `claims list`. */
export interface ClaimListing {
  claimId: string;
  reportId: string;
  outlet: string;
  text: string;
  status: Verdict;
  note: string | null;
  editor: string | null;
  at: string | null;
  evidenceCount: number;
  /** Changed since verified in an updated version, and not yet acted on. */
  needsRecheck: boolean;
  /** For a flagged claim: the claim of the previous version it was carried from. */
  previousVersion: string | null;
  /** The claim group, across every report of the story, that the claim belongs to. */
  group: string | null;
  /** UTF-16 offsets of the claim in its report's text. */
  start: number;
  end: number;
  /** Set when an editor made the claim (split, merged, drawn, moved): how, by whom, from which claims. */
  origin: ClaimOrigin | null;
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    options: { ...DATA_OPTIONS, report: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"`, USAGE_EXIT);
  const status = oneOf(values.status, VERDICTS, 'status');

  const listings = await withDataDir(values['data-dir'], values.editor, async (call) => {
    const { reports } = await call('app:load', {});
    const chosen = values.report === undefined ? reports : reports.filter((r) => r.id === values.report);
    if (chosen.length === 0 && values.report !== undefined) {
      throw new CliError(`no report with id ${values.report}; stored reports: ${reports.map((r) => r.id).join(', ') || 'none'}`);
    }
    const rows: ClaimListing[] = [];
    const groupOf = new Map((await call('story:groups', {})).groups.flatMap((g) => g.claims.map((claimId) => [claimId, g.id] as const)));
    for (const { id } of chosen) {
      const { summary, claims, origins } = await claimsOf(call, id);
      for (const claim of claims) {
        const detail = await call('claims:get', { claimId: claim.id });
        rows.push({ ...listing(summary, claim, detail), group: groupOf.get(claim.id) ?? null, start: claim.start, end: claim.end, origin: origins[claim.id] ?? null });
      }
    }
    return rows;
  });
  const shown = status === undefined ? listings : listings.filter((row) => row.status === status);

  if (values.json) {
    printJson(io, shown);
    return 0;
  }
  const rows = shown.map((row) => [row.claimId, `${row.status}${row.needsRecheck ? ' (re-check)' : ''}`, row.editor ?? '-', row.at ?? '-', String(row.evidenceCount), excerpt(row.text, 70)]);
  say(io, formatTable(['CLAIM', 'STATUS', 'EDITOR', 'AT', 'EVIDENCE', 'TEXT'], rows));
  say(io, `${shown.length} claims${status === undefined ? '' : ` ${status}`} of ${listings.length}`);
  return 0;
}

async function setStatus(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    options: { ...DATA_OPTIONS, status: { type: 'string' }, note: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length === 0) throw new CliError('give at least one claim id (see "claims list")', USAGE_EXIT);
  const status = oneOf(values.status, VERDICTS, 'status');
  if (status === undefined) throw new CliError(`--status is required: one of ${VERDICTS.join(', ')}`, USAGE_EXIT);

  const statuses = await withDataDir(values['data-dir'], values.editor, (call) =>
    call('claims:setStatus', { claimIds: positionals, status, note: values.note ?? null }),
  );
  const byClaim = new Map(statuses.map((s) => [s.claimId, s]));
  for (const claimId of new Set(positionals)) {
    const current = byClaim.get(claimId);
    say(io, `${claimId}: ${current?.status ?? 'unverified'}${current ? ` (${oneLine(current.editor)}, ${current.at})` : ''}`);
  }
  return 0;
}

async function applyToGroup(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    options: { ...DATA_OPTIONS, status: { type: 'string' }, note: { type: 'string' }, undecided: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new CliError('give exactly one claim id: its group is the claims that state the same fact (see "claims list --json")', USAGE_EXIT);
  const status = oneOf(values.status, VERDICTS, 'status');
  if (status === undefined) throw new CliError(`--status is required: one of ${VERDICTS.join(', ')}`, USAGE_EXIT);
  const statuses = await withDataDir(values['data-dir'], values.editor, (call) =>
    call('claims:setGroupStatus', { claimId: positionals[0]!, status, note: values.note ?? null, only: values.undecided ? 'undecided' : 'all' }),
  );
  for (const current of statuses) say(io, `${current.claimId}: ${current.status} (${oneLine(current.editor)}, ${current.at})`);
  return 0;
}

function offsetOption(value: string | undefined, name: string): number {
  if (value === undefined) throw new CliError(`--${name} is required: an offset into the report's text (see "claims list --json": start, end)`, USAGE_EXIT);
  if (!/^\d+$/.test(value)) throw new CliError(`--${name} must be a whole number, not "${value}"`, USAGE_EXIT);
  return Number(value);
}

async function reshape(kind: 'split' | 'merge' | 'draw' | 'resize', args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    options: { ...DATA_OPTIONS, at: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' } },
    allowPositionals: true,
  });
  const result = await withDataDir(values['data-dir'], values.editor, (call) => {
    if (kind === 'merge') {
      const [a, b] = twoClaims(positionals);
      return call('claims:merge', { a, b });
    }
    if (positionals.length !== 1) throw new CliError(`give exactly one ${kind === 'draw' ? 'report id' : 'claim id'} (see "${kind === 'draw' ? 'reports list' : 'claims list'}")`, USAGE_EXIT);
    const target = positionals[0]!;
    if (kind === 'split') return call('claims:split', { claimId: target, at: offsetOption(values.at, 'at') });
    const span = { start: offsetOption(values.start, 'start'), end: offsetOption(values.end, 'end') };
    return kind === 'draw' ? call('claims:draw', { reportId: target, ...span }) : call('claims:resize', { claimId: target, ...span });
  });
  for (const claimId of result.claimIds) say(io, claimId);
  for (const move of result.carried) say(io, `decisions of ${move.from} carried to ${move.to}${move.recheck ? ' (re-check)' : ''}`, 'err');
  return 0;
}

function twoClaims(positionals: string[]): [string, string] {
  if (positionals.length !== 2) throw new CliError('give exactly two claim ids (see "claims list")', USAGE_EXIT);
  return [positionals[0]!, positionals[1]!];
}

async function link(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: { ...DATA_OPTIONS, relation: { type: 'string' }, note: { type: 'string' } }, allowPositionals: true });
  const [a, b] = twoClaims(positionals);
  const relation = oneOf(values.relation, LINK_RELATIONS, 'relation');
  if (relation === undefined) throw new CliError(`--relation is required: one of ${LINK_RELATIONS.join(', ')}`, USAGE_EXIT);
  await withDataDir(values['data-dir'], values.editor, (call) => call('claims:link', { a, b, relation, note: values.note ?? null }));
  say(io, `linked ${a} and ${b} as ${relation}`);
  return 0;
}

async function unlink(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: { ...DATA_OPTIONS, note: { type: 'string' } }, allowPositionals: true });
  const [a, b] = twoClaims(positionals);
  await withDataDir(values['data-dir'], values.editor, (call) => call('claims:unlink', { a, b, note: values.note ?? null }));
  say(io, `unlinked ${a} and ${b}`);
  return 0;
}

async function show(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: { ...DATA_OPTIONS, json: { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new CliError('give exactly one claim id (see "claims list")', USAGE_EXIT);
  const claimId = positionals[0]!;

  const { detail, claim, summary } = await withDataDir(values['data-dir'], values.editor, async (call) => {
    // claims:get first: it refuses an unknown claim with the same words as the app.
    const found = await call('claims:get', { claimId });
    const { summary: report, claims } = await claimsOf(call, claimId.slice(0, claimId.lastIndexOf(':')));
    return { detail: found, claim: claims.find((c) => c.id === claimId)!, summary: report };
  });

  if (values.json) {
    printJson(io, { claim, ...detail });
    return 0;
  }
  say(io, formatDetail(detail, claim, summary));
  return 0;
}

/** The report's claims as the app has them: the engine's, with the editors' corrections of their boundaries. */
async function claimsOf(call: Caller, reportId: string): Promise<{ summary: ReportSummary; claims: Claim[]; origins: Record<string, ClaimOrigin> }> {
  const { summary } = await call('reports:get', { id: reportId });
  const { claims, origins } = await call('reports:claims', { id: reportId });
  return { summary, claims, origins };
}

function listing(summary: ReportSummary, claim: Claim, detail: ClaimDetail): Omit<ClaimListing, 'group' | 'start' | 'end' | 'origin'> {
  return {
    claimId: claim.id,
    reportId: summary.id,
    outlet: summary.outlet,
    text: claim.text,
    status: detail.status?.status ?? 'unverified',
    note: detail.status?.note ?? null,
    editor: detail.status?.editor ?? null,
    at: detail.status?.at ?? null,
    evidenceCount: detail.evidence.length,
    needsRecheck: detail.needsRecheck !== null,
    previousVersion: detail.needsRecheck?.previousClaimId ?? null,
  };
}

function formatDetail(detail: ClaimDetail, claim: Claim, summary: ReportSummary): string {
  const { status } = detail;
  const lines = [
    `claim:    ${claim.id}`,
    `report:   ${oneLine(summary.outlet)} (${summary.id})`,
    `text:     ${oneLine(claim.text)}`,
    `status:   ${status ? `${status.status}, set by ${oneLine(status.editor)} at ${status.at}` : 'unverified'}`,
  ];
  if (detail.origin) lines.push(`made by:  ${detail.origin.kind} by ${oneLine(detail.origin.editor)} at ${detail.origin.at}${detail.origin.from.length > 0 ? `, from ${detail.origin.from.map((f) => `${f.claimId} [${f.status?.status ?? 'unverified'}]`).join(', ')}` : ''}`);
  if (detail.needsRecheck) lines.push(`re-check: changed since verified (carried from ${detail.needsRecheck.previousClaimId})`);
  if (status?.note) lines.push(`note:     ${oneLine(status.note)}`);
  lines.push('', `evidence (${detail.evidence.length}):`);
  for (const item of detail.evidence) {
    const edited = item.editedAt ? `, edited ${item.editedAt}` : '';
    lines.push(`  ${item.id}  ${item.kind}, ${item.stance}, by ${oneLine(item.editor)} at ${item.at}${edited}`);
    if (item.url) lines.push(`    url:   ${item.url}`);
    if (item.quote) lines.push(`    quote: ${excerpt(item.quote, 200)}`);
    if (item.note) lines.push(`    note:  ${excerpt(item.note, 200)}`);
  }
  lines.push('', `history (${detail.history.length} events):`);
  for (const event of detail.history) lines.push(`  #${event.seq}  ${event.at}  ${oneLine(event.editor)}  ${oneLine(describeEvent(event))}`);
  return lines.join('\n');
}
