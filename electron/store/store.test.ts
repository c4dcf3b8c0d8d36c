import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirBusyError } from './data-dir-lock';
import { IsnadStore, StoreReadOnlyError } from './store';

const SAMPLES = resolve(__dirname, '../../fixtures/reports');

let dataDir: string;
const open: IsnadStore[] = [];
async function openStore(sampleReportsDir: string | null = SAMPLES): Promise<IsnadStore> {
  const store = await IsnadStore.open({ dataDir, sampleReportsDir });
  open.push(store);
  return store;
}
async function closeAll(): Promise<void> {
  while (open.length > 0) await open.pop()!.close();
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'isnad-store-'));
});
afterEach(async () => {
  await closeAll();
  await rm(dataDir, { recursive: true, force: true });
});

describe('IsnadStore', () => {
  it('seeds the sample reports on first run, byte for byte, with import events', async () => {
    const store = await openStore();
    expect(store.state.reportOrder).toEqual(['alhurra-2024-12-01-aleppo', 'aljazeera-mubasher-2024-12-02-aleppo']);
    const alhurra = store.state.reports.get('alhurra-2024-12-01-aleppo')!;
    expect(alhurra.text).toBe(await readFile(join(SAMPLES, '000-alhurra-aleppo.txt'), 'utf8'));
    expect((await store.allEvents()).map((e) => e.type)).toEqual(['key.registered', 'report.imported', 'report.imported']);
    expect(JSON.parse(await readFile(join(dataDir, 'isnad.json'), 'utf8'))).toMatchObject({ kind: 'isnad-store', schemaVersion: 3 });
  });

  it('reloads what it wrote and does not seed twice', async () => {
    const store = await openStore();
    await store.commit([{ type: 'settings.changed', payload: { changes: { editorName: 'Desk editor' } } }], 'Desk editor');
    await store.close();
    open.pop();
    const again = await openStore();
    expect(again.state.settings.editorName).toBe('Desk editor');
    // The sample import's key, two imports, the desk editor's key, the change.
    expect((await again.allEvents())).toHaveLength(5);
    expect(again.state.reportOrder).toHaveLength(2);
  });

  it('starts empty without sample reports', async () => {
    const store = await openStore(null);
    expect((await store.allEvents())).toHaveLength(0);
  });

  it('lands every change of a burst of concurrent writes', async () => {
    const store = await openStore(null);
    const writes = Array.from({ length: 1000 }, (_, i) =>
      store.commit([{ type: 'settings.changed', payload: { changes: { organizationName: `Desk ${i}` } } }], 'Desk editor'),
    );
    await Promise.all(writes);
    await closeAll();
    const again = await openStore(null);
    expect((await again.allEvents())).toHaveLength(1001);
    expect((await again.allEvents()).map((e) => e.seq)).toEqual(Array.from({ length: 1001 }, (_, i) => i + 1));
    expect(again.state.settings.organizationName).toBe('Desk 999');
    expect(again.writable).toBe(true);
    expect((await readdir(join(dataDir, 'log'))).filter((n) => n.endsWith('.json')).length).toBeGreaterThan(1);
  });

  it('keeps a corrupt segment where it is, untouched, opens read-only and names it on every open', async () => {
    await openStore();
    await closeAll();
    const segment = join(dataDir, 'log', '0000000001.json');
    const garbage = '{"kind":"isnad-log-segment","events":[{"trunc';
    await writeFile(segment, garbage);
    for (let open = 0; open < 2; open++) {
      const again = await openStore();
      expect(await readFile(segment, 'utf8')).toBe(garbage);
      expect(again.writable).toBe(false);
      const warning = again.warnings.find((w) => w.code === 'log-broken')!;
      expect(warning.message).toMatch(/0000000001\.json/);
      expect(warning.message).toMatch(/#1–#3/);
      // No sample reports are seeded over a data folder that had history, and nothing is written.
      await expect(again.commit([{ type: 'settings.changed', payload: { changes: { editorName: 'x' } } }], 'x')).rejects.toBeInstanceOf(StoreReadOnlyError);
      await closeAll();
    }
    expect((await readdir(join(dataDir, 'log'))).filter((n) => n.endsWith('.json') && n !== 'head.json')).toEqual(['0000000001.json']);
  });

  it('moves a corrupt isnad.json aside and keeps the log', async () => {
    await openStore();
    await closeAll();
    await writeFile(join(dataDir, 'isnad.json'), 'not json');
    const again = await openStore();
    expect((await again.allEvents())).toHaveLength(3);
    const aside = (await readdir(dataDir)).find((n) => n.startsWith('isnad.json.corrupt-'));
    expect(await readFile(join(dataDir, aside!), 'utf8')).toBe('not json');
  });

  it('refuses a data folder written by a newer version, touching nothing', async () => {
    await writeFile(join(dataDir, 'isnad.json'), JSON.stringify({ kind: 'isnad-store', schemaVersion: 99, createdAt: 'x' }));
    await expect(openStore()).rejects.toThrow(/newer version of Isnad/);
    expect(JSON.parse(await readFile(join(dataDir, 'isnad.json'), 'utf8')).schemaVersion).toBe(99);
    expect(await readdir(dataDir)).not.toContain('isnad.lock');
  });

  it('detects an edited event and refuses changes', async () => {
    await openStore();
    await closeAll();
    const segment = join(dataDir, 'log', '0000000001.json');
    const doc = JSON.parse(await readFile(segment, 'utf8'));
    doc.events[1].payload.report.outlet = 'Someone else';
    await writeFile(segment, JSON.stringify(doc));
    const again = await openStore();
    expect(again.writable).toBe(false);
    expect(again.warnings.find((w) => w.code === 'log-broken')?.message).toMatch(/event #2/);
    await expect(
      again.commit([{ type: 'settings.changed', payload: { changes: { editorName: 'x' } } }], 'x'),
    ).rejects.toBeInstanceOf(StoreReadOnlyError);
  });

  it('removes temp files left by a crashed write', async () => {
    await openStore();
    await closeAll();
    await writeFile(join(dataDir, 'log', '0000000001.json.abc123.tmp'), '{"half');
    await openStore();
    expect((await readdir(join(dataDir, 'log'))).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('allows one writer per data folder', async () => {
    await openStore();
    await expect(IsnadStore.open({ dataDir, sampleReportsDir: null })).rejects.toBeInstanceOf(DataDirBusyError);
  });

  it('rejects an invalid event and changes nothing', async () => {
    const store = await openStore(null);
    await expect(
      store.commit([{ type: 'settings.changed', payload: { changes: { editorName: '' } } }], 'Desk editor'),
    ).rejects.toThrow(/editor/);
    expect((await store.allEvents())).toHaveLength(0);
  });
});
