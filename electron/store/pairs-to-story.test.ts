import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppContext, type AppContext } from '../app-context';
import { verifyDataDir } from './verify-log';

/**
 * A data folder written by Isnad before stories (pairs only): it opens, verifies, shows its pair
 * as a story, takes an updated version and an editor's link, and still verifies after.
 */
const FIXTURE = resolve(__dirname, '../../fixtures/history/v2-pairs/data');
const STORY = resolve(__dirname, '../../fixtures/story');
const ALHURRA = 'alhurra-2024-12-01-aleppo';
const ALJAZEERA = 'aljazeera-mubasher-2024-12-02-aleppo';
const PRISON = `${ALJAZEERA}:98-253`;

let dataDir: string;
let context: AppContext;
const open = async () => {
  context = await openAppContext({ dataDir, sampleReportsDir: null, editor: 'Reviewer' });
};
const value = async <T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: string }>): Promise<T> => {
  const settled = await reply;
  if (!settled.ok) throw new Error(settled.error);
  return settled.value;
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-pairs-'));
  await cp(FIXTURE, dataDir, { recursive: true });
  await open();
});
afterEach(async () => {
  await context.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a data folder from before stories', () => {
  it('opens from its own checkpoint and verifies, with nothing to migrate', async () => {
    expect(context.store.warnings).toEqual([]);
    expect(context.store.state.versions.size).toBe(0);
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, problems: [], count: 8 });
  });

  it('shows its pair as a story: the matrix, the groups, an export of every link', async () => {
    const matrix = await value(context.call('story:matrix', {}));
    expect(matrix.reports.map((r) => r.id)).toEqual([ALHURRA, ALJAZEERA]);
    const prison = matrix.rows.find((row) => row.cells[ALJAZEERA]?.some((c) => c.claimId === PRISON))!;
    expect(prison.cells[ALJAZEERA]![0]).toMatchObject({ status: 'false', needsRecheck: false });
    const statement = matrix.rows.find((row) => row.cells[ALHURRA]?.some((c) => c.status === 'verified'))!;
    expect(Object.keys(statement.cells)).toEqual([ALHURRA, ALJAZEERA]);
    const json = JSON.parse((await value(context.call('export:build', { format: 'json', scope: { kind: 'all' } }))).content) as { versions: unknown[]; matches: { origin: string }[] };
    expect(json.versions).toEqual([]);
    expect(json.matches.every((m) => m.origin === 'engine')).toBe(true);
  });

  it('takes an updated version and a link, and reads them back after a reopen', async () => {
    const content = await readFile(join(STORY, 'aljazeera-mubasher-aleppo-updated.txt'), 'utf8');
    const imported = await value(context.call('reports:import', { content, format: 'text', fileName: null, outlet: null, title: null, publishedAt: '2024-12-03', url: null, language: null, replaces: ALJAZEERA }));
    expect(imported.carriedOver).toMatchObject({ edited: 1, recheck: 1 });
    const view = await value(context.call('compare:run', { a: ALHURRA, b: imported.id }));
    const lone = view.a.claims.find((c) => c.text.startsWith('ولم يتسن'))!.id;
    const residents = view.b.claims.find((c) => c.text.includes('غصة'))!.id;
    await value(context.call('claims:link', { a: lone, b: residents, relation: 'related', note: null }));
    await context.close();
    await open();
    expect(context.store.state.recheck.size).toBe(1);
    expect(context.store.state.links.size).toBe(1);
    expect(await verifyDataDir(dataDir)).toMatchObject({ ok: true, problems: [] });
  });
});
