import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppSnapshot, ClaimDetail, ComparisonView, Reply } from '../../shared/contract/channels';
import type { Evidence } from '../../shared/model/evidence';
import type { ClaimStatus } from '../../shared/model/state';
import { openAppContext, type AppContext } from '../app-context';

const SAMPLES = resolve(__dirname, '../../fixtures/reports');

let dataDir: string;
let context: AppContext;
let claimIds: string[];

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`expected success, got ${reply.code}: ${reply.error}`);
  return reply.value as T;
}

async function reopen(editor: string | null): Promise<void> {
  await context.close();
  context = await openAppContext({ dataDir, sampleReportsDir: SAMPLES, editor });
}

/** Calls that should be refused: each must leave the log exactly as it was. */
async function expectRefused(channel: string, input: unknown, code: string, message?: RegExp): Promise<void> {
  const before = (await context.store.allEvents()).length;
  const headHash = context.store.state.headHash;
  const reply = await context.dispatch(channel, input);
  expect(reply).toMatchObject({ ok: false, code });
  if (!reply.ok && message) expect(reply.error).toMatch(message);
  expect((await context.store.allEvents())).toHaveLength(before);
  expect(context.store.state.headHash).toBe(headHash);
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-handlers-'));
  context = await openAppContext({ dataDir, sampleReportsDir: SAMPLES, editor: null });
  value(await context.dispatch('settings:update', { editorName: 'Night desk editor' }));
  const { reports } = value<AppSnapshot>(await context.dispatch('app:load', {}));
  const view = value<ComparisonView>(await context.dispatch('compare:run', { a: reports[0]!.id, b: reports[1]!.id }));
  claimIds = [...view.a.claims, ...view.b.claims].map((claim) => claim.id);
});
afterEach(async () => {
  await context.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('records a status change with editor, time, from → to and note', async () => {
    const [status] = value<ClaimStatus[]>(await context.dispatch('claims:setStatus', { claimIds: [claimIds[0]], status: 'in-progress', note: null }));
    expect(status).toMatchObject({ claimId: claimIds[0], status: 'in-progress', editor: 'Night desk editor' });
    const event = (await context.store.allEvents()).at(-1)!;
    expect(event).toMatchObject({ type: 'claim.statusChanged', editor: 'Night desk editor', payload: { from: 'unverified', to: 'in-progress', note: null } });
    expect(Date.parse(event.at)).not.toBeNaN();

    value(await context.dispatch('claims:setStatus', { claimIds: [claimIds[0]], status: 'verified', note: 'Matches the ministry statement' }));
    expect((await context.store.allEvents()).at(-1)!.payload).toMatchObject({ from: 'in-progress', to: 'verified', note: 'Matches the ministry statement' });
  });

  it('applies one status to all of several claims, one event each', async () => {
    const chosen = claimIds.slice(0, 3);
    const before = (await context.store.allEvents()).length;
    const statuses = value<ClaimStatus[]>(await context.dispatch('claims:setStatus', { claimIds: chosen, status: 'unverifiable', note: null }));
    expect(statuses.map((s) => s.claimId)).toEqual(chosen);
    expect((await context.store.allEvents()).slice(before).map((e) => e.type)).toEqual(['claim.statusChanged', 'claim.statusChanged', 'claim.statusChanged']);
  });

  it('refuses invalid input with a clear error and changes nothing', async () => {
    await expectRefused('claims:setStatus', { claimIds: [claimIds[0]], status: 'probably-true', note: null }, 'invalid-input', /status/);
    await expectRefused('claims:setStatus', { claimIds: [], status: 'verified', note: null }, 'invalid-input', /at least one claim/);
    await expectRefused('claims:setStatus', { claimIds: [claimIds[0]], status: 'verified' }, 'invalid-input', /note/);
    await expectRefused('claims:setStatus', 'verified', 'invalid-input');
    await expectRefused('settings:update', {}, 'invalid-input', /nothing to change/);
    await expectRefused('settings:update', { editorName: '   ' }, 'invalid-input', /editor name is required/);
    await expectRefused('evidence:add', { claimId: claimIds[0], evidence: { kind: 'rumour', url: null, quote: 'x', note: null, stance: 'supports' } }, 'invalid-input', /kind/);
    await expectRefused('evidence:add', { claimId: claimIds[0], evidence: { kind: 'note', url: null, quote: null, note: null, stance: 'context' } }, 'invalid-input', /needs a URL, a quoted passage or a note/);
    await expectRefused('claims:delete', { claimId: claimIds[0] }, 'unknown-channel');
  });

  it('requires a note to mark a claim false or misleading', async () => {
    for (const status of ['false', 'misleading'] as const) {
      await expectRefused('claims:setStatus', { claimIds: [claimIds[0]], status, note: null }, 'note-required', /note is required/);
      await expectRefused('claims:setStatus', { claimIds: [claimIds[0]], status, note: '   ' }, 'note-required');
    }
    const [status] = value<ClaimStatus[]>(await context.dispatch('claims:setStatus', { claimIds: [claimIds[0]], status: 'false', note: 'The ministry denied it' }));
    expect(status).toMatchObject({ status: 'false', note: 'The ministry denied it' });
  });

  it('refuses an unknown claim, even beside a known one, and changes nothing', async () => {
    await expectRefused('claims:setStatus', { claimIds: ['no-such-report:0-10'], status: 'verified', note: null }, 'unknown-claim', /no-such-report:0-10/);
    const reportId = claimIds[0]!.slice(0, claimIds[0]!.lastIndexOf(':'));
    await expectRefused('claims:setStatus', { claimIds: [claimIds[0], `${reportId}:1-2`], status: 'verified', note: null }, 'unknown-claim');
    await expectRefused('claims:get', { claimId: `${reportId}:1-2` }, 'unknown-claim');
    await expectRefused('evidence:add', { claimId: 'nope:0-1', evidence: { kind: 'note', url: null, quote: null, note: 'x', stance: 'context' } }, 'unknown-claim');
  });

  it('refuses every change until the editor has a name', async () => {
    await context.close();
    await rm(dataDir, { recursive: true, force: true });
    context = await openAppContext({ dataDir, sampleReportsDir: SAMPLES, editor: null });
    await expectRefused('claims:setStatus', { claimIds: [claimIds[0]], status: 'verified', note: null }, 'no-editor', /your name/);
    await expectRefused('evidence:add', { claimId: claimIds[0], evidence: { kind: 'note', url: null, quote: null, note: 'x', stance: 'context' } }, 'no-editor');
    await expectRefused('settings:update', { organizationName: 'Desk' }, 'no-editor');

    // Naming yourself is allowed, and from then on every event carries the name.
    value(await context.dispatch('settings:update', { editorName: 'Copy editor' }));
    value(await context.dispatch('claims:setStatus', { claimIds: [claimIds[0]], status: 'verified', note: null }));
    expect((await context.store.allEvents()).slice(-2).map((e) => e.editor)).toEqual(['Copy editor', 'Copy editor']);
  });

  it('records the name given for the session (the CLI --editor) over the one in settings', async () => {
    await reopen('Night desk');
    value(await context.dispatch('claims:setStatus', { claimIds: [claimIds[0]], status: 'verified', note: null }));
    expect((await context.store.allEvents()).at(-1)!.editor).toBe('Night desk');
  });

  it('refuses evidence and settings URLs that are not http or https', async () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'not a url']) {
      await expectRefused('evidence:add', { claimId: claimIds[0], evidence: { kind: 'link', url, quote: null, note: null, stance: 'supports' } }, 'invalid-input', /http or https/);
      await expectRefused('settings:update', { organizationUrl: url }, 'invalid-input', /http or https/);
    }
    const added = value<Evidence>(
      await context.dispatch('evidence:add', { claimId: claimIds[0], evidence: { kind: 'link', url: 'https://example.org/statement', quote: null, note: null, stance: 'supports' } }),
    );
    await expectRefused('evidence:update', { claimId: claimIds[0], evidenceId: added.id, evidence: { kind: 'link', url: 'javascript:alert(1)', quote: null, note: null, stance: 'supports' } }, 'invalid-input');
  });

  it('keeps the history of evidence through edits and removal', async () => {
    const claimId = claimIds[1]!;
    const original = { kind: 'quote', url: 'https://example.org/a', quote: 'We counted 300 families', note: null, stance: 'supports' } as const;
    const added = value<Evidence>(await context.dispatch('evidence:add', { claimId, evidence: original }));
    expect(added).toMatchObject({ ...original, claimId, editor: 'Night desk editor', editedAt: null });

    const edited = value<Evidence>(await context.dispatch('evidence:update', { claimId, evidenceId: added.id, evidence: { ...original, stance: 'refutes', note: 'They later said 30' } }));
    expect(edited).toMatchObject({ id: added.id, stance: 'refutes', note: 'They later said 30', at: added.at });
    expect(edited.editedAt).not.toBeNull();

    const detail = value<ClaimDetail>(await context.dispatch('evidence:remove', { claimId, evidenceId: added.id, reason: 'wrong claim' }));
    expect(detail.evidence).toEqual([]);
    expect(detail.history.map((e) => e.type)).toEqual(['evidence.added', 'evidence.edited', 'evidence.removed']);
    expect(detail.history[0]!.payload).toMatchObject({ evidenceId: added.id, evidence: original });
    expect(detail.history[2]!.payload).toMatchObject({ reason: 'wrong claim' });

    await expectRefused('evidence:remove', { claimId, evidenceId: added.id, reason: null }, 'unknown-evidence');
    await expectRefused('evidence:update', { claimId, evidenceId: added.id, evidence: original }, 'unknown-evidence');

    // The record survives a restart: state is rebuilt from the log.
    await reopen(null);
    const after = value<ClaimDetail>(await context.dispatch('claims:get', { claimId }));
    expect(after.history.map((e) => e.type)).toEqual(['evidence.added', 'evidence.edited', 'evidence.removed']);
    expect(after.evidence).toEqual([]);
  });

  it('refuses changes with code read-only once the history is found altered', async () => {
    await context.close();
    const segment = join(dataDir, 'log', '0000000001.json');
    const doc = JSON.parse(await readFile(segment, 'utf8'));
    doc.events[1].payload.report.outlet = 'Someone else';
    await writeFile(segment, JSON.stringify(doc));
    context = await openAppContext({ dataDir, sampleReportsDir: SAMPLES, editor: 'Night desk editor' });
    const load = value<AppSnapshot>(await context.dispatch('app:load', {}));
    expect(load.writable).toBe(false);
    expect(load.warnings.map((w) => w.code)).toContain('log-broken');
    await expectRefused('settings:update', { organizationName: 'Desk' }, 'read-only', /disabled/);
  });
});
