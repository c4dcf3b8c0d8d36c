import { EVIDENCE_KINDS, STANCES, type EvidenceInput } from '../../../shared/model/evidence';
import { CliError, type CliIo } from '../cli-io';
import { withDataDir } from '../open-data-dir';
import { DATA_OPTIONS, namedPositionals, oneOf, orNull, parseCommandArgs, USAGE_EXIT, withSubcommands } from './command-args';
import { say } from '../terminal-text';

const EVIDENCE_OPTIONS = {
  ...DATA_OPTIONS,
  kind: { type: 'string' },
  stance: { type: 'string' },
  url: { type: 'string' },
  quote: { type: 'string' },
  note: { type: 'string' },
} as const;

export const evidenceCommand = withSubcommands('evidence', {
  add: {
    usage: `add <claim-id> --kind K --stance S [--url U] [--quote Q] [--note N] [--data-dir DIR] [--editor NAME]
  Attaches evidence to a claim and prints its id. K is one of ${EVIDENCE_KINDS.join(', ')}; S one of ${STANCES.join(', ')}.
  The URL must be http or https; at least one of --url, --quote and --note is needed.`,
    run: add,
  },
  edit: {
    usage: `edit <claim-id> <evidence-id> [--kind K] [--stance S] [--url U] [--quote Q] [--note N] [--data-dir DIR] [--editor NAME]
  Changes the given fields of an item (an empty value clears --url, --quote or --note). The earlier version stays in the log.`,
    run: edit,
  },
  remove: {
    usage: `remove <claim-id> <evidence-id> [--reason R] [--data-dir DIR] [--editor NAME]
  Detaches an item from the claim. The log keeps it and the removal, with the reason.`,
    run: remove,
  },
});

type EvidenceValues = { kind?: string; stance?: string; url?: string; quote?: string; note?: string };

/** The fields given on the command line; absent ones stay undefined, to be filled from elsewhere. */
function givenFields(values: EvidenceValues): Partial<EvidenceInput> {
  const fields: Partial<EvidenceInput> = {};
  const kind = oneOf(values.kind, EVIDENCE_KINDS, 'kind');
  const stance = oneOf(values.stance, STANCES, 'stance');
  if (kind !== undefined) fields.kind = kind;
  if (stance !== undefined) fields.stance = stance;
  for (const key of ['url', 'quote', 'note'] as const) {
    const value = orNull(values[key]);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

async function add(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: EVIDENCE_OPTIONS, allowPositionals: true });
  const [claimId] = namedPositionals(positionals, ['claim-id']) as [string];
  const fields = givenFields(values);
  if (fields.kind === undefined) throw new CliError(`--kind is required: one of ${EVIDENCE_KINDS.join(', ')}`, USAGE_EXIT);
  if (fields.stance === undefined) throw new CliError(`--stance is required: one of ${STANCES.join(', ')}`, USAGE_EXIT);
  const evidence: EvidenceInput = { url: null, quote: null, note: null, ...fields, kind: fields.kind, stance: fields.stance };

  const added = await withDataDir(values['data-dir'], values.editor, (call) => call('evidence:add', { claimId, evidence }));
  // The id alone, so a script can keep it: id=$(isnad evidence add …)
  say(io, added.id);
  return 0;
}

async function edit(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: EVIDENCE_OPTIONS, allowPositionals: true });
  const [claimId, evidenceId] = namedPositionals(positionals, ['claim-id', 'evidence-id']) as [string, string];
  const fields = givenFields(values);
  if (Object.keys(fields).length === 0) throw new CliError('nothing to change: give --kind, --stance, --url, --quote or --note', USAGE_EXIT);

  const edited = await withDataDir(values['data-dir'], values.editor, async (call) => {
    const { evidence } = await call('claims:get', { claimId });
    const current = evidence.find((item) => item.id === evidenceId);
    if (!current) throw new CliError(`claim ${claimId} has no evidence ${evidenceId} (it may have been removed)`);
    const { kind, stance, url, quote, note } = current;
    return call('evidence:update', { claimId, evidenceId, evidence: { kind, stance, url, quote, note, ...fields } });
  });
  say(io, `edited evidence ${edited.id} on ${claimId}`);
  return 0;
}

async function remove(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { options: { ...DATA_OPTIONS, reason: { type: 'string' } }, allowPositionals: true });
  const [claimId, evidenceId] = namedPositionals(positionals, ['claim-id', 'evidence-id']) as [string, string];
  await withDataDir(values['data-dir'], values.editor, (call) =>
    call('evidence:remove', { claimId, evidenceId, reason: orNull(values.reason) ?? null }),
  );
  say(io, `removed evidence ${evidenceId} from ${claimId} (the log keeps it)`);
  return 0;
}
