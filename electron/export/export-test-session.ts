import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput } from '../../shared/contract/channels';
import { withDataDir } from '../cli/open-data-dir';

/*
 * For the export tests: a verification session on the sample fixtures, driven through the same
 * dispatch as the app and the CLI, in a real data folder in a temp dir.
 */

export interface ExportTestSession {
  dataDir: string;
  reportIds: [string, string];
  /** The first matched pair of claims: a (first report) and b. */
  group: [string, string];
  /** A claim of the first report that no claim of the second matches. */
  single: string;
  /** A claim left untouched. */
  untouched: string;
  remove(): Promise<void>;
}

/** A verdict note that Excel would evaluate if the CSV did not neutralize it. */
export const FORMULA_NOTE = '=HYPERLINK("http://evil.example","click")';

export async function startExportTestSession(options: { organization: boolean }): Promise<ExportTestSession> {
  const dataDir = await mkdtemp(join(tmpdir(), 'isnad-export-'));
  const ids = await withDataDir(dataDir, undefined, async (call) => {
    await call('settings:update', {
      editorName: 'Night desk editor',
      ...(options.organization ? { organizationName: 'Isnad Fact Desk', organizationUrl: 'https://factdesk.example/checks' } : {}),
    });
    const { reports } = await call('app:load', {});
    const [first, second] = reports;
    if (!first || !second) throw new Error('the fixtures should give two sample reports');
    const view = await call('compare:run', { a: first.id, b: second.id });
    const match = view.matches[0];
    if (!match) throw new Error('the sample reports should share at least one claim');
    const matched = new Set(view.matches.map((m) => m.a));
    const single = view.a.claims.find((c) => !matched.has(c.id));
    const untouched = view.b.claims.find((c) => c.id !== match.b);
    if (!single || !untouched) throw new Error('the sample reports should have single-source claims');

    const link = (url: string, stance: 'supports' | 'refutes', note: string | null): ChannelInput<'evidence:add'>['evidence'] => ({ kind: 'link', url, quote: null, note, stance });
    await call('claims:setStatus', { claimIds: [match.a], status: 'false', note: 'الرقم الرسمي مختلف: the ministry gives another figure' });
    await call('evidence:add', { claimId: match.a, evidence: link('https://ministry.example/statement?id=7', 'refutes', '-the official count') });
    await call('claims:setStatus', { claimIds: [match.b], status: 'verified', note: null });
    await call('evidence:add', { claimId: match.b, evidence: { kind: 'quote', url: null, quote: '<script>alert(1)</script> قال المرصد', note: null, stance: 'supports' } });
    await call('claims:setStatus', { claimIds: [single.id], status: 'unverifiable', note: FORMULA_NOTE });
    return { reportIds: [first.id, second.id] as [string, string], group: [match.a, match.b] as [string, string], single: single.id, untouched: untouched.id };
  });
  return { dataDir, ...ids, remove: () => rm(dataDir, { recursive: true, force: true }) };
}
