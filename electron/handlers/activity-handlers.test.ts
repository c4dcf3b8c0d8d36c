import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityItem, AppSnapshot, ComparisonView, Reply } from '../../shared/contract/channels';
import type { Evidence } from '../../shared/model/evidence';
import { openAppContext, type AppContext } from '../app-context';

const SAMPLES = resolve(__dirname, '../../fixtures/reports');

let dataDir: string;
let context: AppContext;

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`expected success, got ${reply.code}: ${reply.error}`);
  return reply.value as T;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-activity-'));
  context = await openAppContext({ dataDir, sampleReportsDir: SAMPLES, editor: null });
  value(await context.dispatch('settings:update', { editorName: 'Night desk editor' }));
});
afterEach(async () => {
  await context.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('log:activity', () => {
  it('lists every event newest first, each with its claim, report and outlet, without report texts', async () => {
    const { reports } = value<AppSnapshot>(await context.dispatch('app:load', {}));
    const view = value<ComparisonView>(await context.dispatch('compare:run', { a: reports[0]!.id, b: reports[1]!.id }));
    const claim = view.a.claims[0]!;
    value(await context.dispatch('claims:setStatus', { claimIds: [claim.id], status: 'verified', note: null }));
    const evidence = value<Evidence>(
      await context.dispatch('evidence:add', { claimId: claim.id, evidence: { kind: 'link', url: 'https://example.org/a', quote: null, note: null, stance: 'supports' } }),
    );
    value(await context.dispatch('evidence:remove', { claimId: claim.id, evidenceId: evidence.id, reason: null }));

    const items = value<ActivityItem[]>(await context.dispatch('log:activity', {}));
    const events = await context.store.allEvents();
    expect(items).toHaveLength(events.length);
    expect(items.map((i) => i.event.seq)).toEqual(events.map((e) => e.seq).reverse());
    expect(items.slice(0, 3).map((i) => i.event.type)).toEqual(['evidence.removed', 'evidence.added', 'claim.statusChanged']);
    for (const item of items.slice(0, 3)) {
      expect(item).toMatchObject({ claimId: claim.id, reportId: reports[0]!.id, claimText: claim.text, outlet: reports[0]!.outlet });
    }
    const imported = items.find((i) => i.event.type === 'report.imported')!;
    expect(imported.event.type === 'report.imported' && imported.event.payload.report.text).toBe('');
    expect(imported.reportId).not.toBeNull();
  });
});
