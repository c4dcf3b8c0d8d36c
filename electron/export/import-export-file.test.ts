import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonExport } from '../../shared/export/json-export';
import { withDataDir } from '../cli/open-data-dir';
import { IsnadStore } from '../store/store';
import { verifyExportFile } from '../store/verify-log';
import { startExportTestSession, type ExportTestSession } from './export-test-session';
import { importExportFile } from './import-export-file';

let session: ExportTestSession;
let scratch: string;
let exportPath: string;

async function exportJson(dataDir: string): Promise<JsonExport> {
  const file = await withDataDir(dataDir, undefined, (call) => call('export:build', { format: 'json', scope: { kind: 'all' } }));
  return JSON.parse(file.content) as JsonExport;
}

beforeAll(async () => {
  session = await startExportTestSession({ organization: true });
  scratch = await mkdtemp(join(tmpdir(), 'isnad-import-'));
  exportPath = join(scratch, 'export.json');
  await writeFile(exportPath, JSON.stringify(await exportJson(session.dataDir)));
});
afterAll(async () => {
  await session.remove();
  await rm(scratch, { recursive: true, force: true });
});

describe('a JSON export', () => {
  it('verifies, and fails verification after one byte of any event changes', async () => {
    expect(await verifyExportFile(exportPath)).toMatchObject({ ok: true });
    const source = await readFile(exportPath, 'utf8');
    const exported = JSON.parse(source) as JsonExport;
    for (const event of exported.log.events) {
      // The event id is unique to its event, so this changes one byte of that event only.
      const at = source.indexOf(`"id":"${event.id}"`) + 6;
      const flipped = source[at] === 'a' ? 'b' : 'a';
      const tampered = join(scratch, `tampered-${event.seq}.json`);
      await writeFile(tampered, source.slice(0, at) + flipped + source.slice(at + 1));
      const result = await verifyExportFile(tampered);
      expect(result, `event #${event.seq}`).toMatchObject({ ok: false, problems: [expect.objectContaining({ from: event.seq })] });
    }
  });

  it('fails verification when a byte of a report text changes', async () => {
    const bytes = await readFile(exportPath);
    const textAt = bytes.indexOf(Buffer.from('"text":"')) + 20;
    bytes[textAt] = bytes[textAt] === 0x20 ? 0x21 : 0x20;
    const tampered = join(scratch, 'tampered-text.json');
    await writeFile(tampered, bytes);
    expect(await verifyExportFile(tampered)).toMatchObject({ ok: false });
  });

  it('imports into an empty folder with an identical log and state, and exports the same again', async () => {
    const target = await mkdtemp(join(scratch, 'restored-'));
    const original = await IsnadStore.open({ dataDir: session.dataDir, sampleReportsDir: null });
    const before = { events: [...(await original.allEvents())], state: original.state };
    await original.close();

    const result = await importExportFile(exportPath, target);
    expect(result).toEqual({ count: before.events.length, headHash: before.state.headHash, setAside: [] });

    const restored = await IsnadStore.open({ dataDir: target, sampleReportsDir: null });
    try {
      expect((await restored.allEvents())).toEqual(before.events);
      expect(restored.state).toEqual(before.state);
      expect(restored.warnings).toEqual([]);
    } finally {
      await restored.close();
    }
    const again = await exportJson(target);
    const first = JSON.parse(await readFile(exportPath, 'utf8')) as JsonExport;
    expect({ ...again, exportedAt: null }).toEqual({ ...first, exportedAt: null });
  });

  it('is refused by a folder that already holds a log, which is left untouched', async () => {
    const before = await readFile(join(session.dataDir, 'log', '0000000001.json'), 'utf8');
    await expect(importExportFile(exportPath, session.dataDir)).rejects.toThrow(/already holds a verification log/);
    expect(await readFile(join(session.dataDir, 'log', '0000000001.json'), 'utf8')).toBe(before);
  });

  it('is refused when tampered with, or when it is not an export', async () => {
    const target = await mkdtemp(join(scratch, 'refused-'));
    await expect(importExportFile(join(scratch, 'tampered-1.json'), target)).rejects.toThrow(/fails verification|malformed/);
    const notExport = join(scratch, 'not-export.json');
    await writeFile(notExport, JSON.stringify({ kind: 'isnad-report' }));
    await expect(importExportFile(notExport, target)).rejects.toThrow(/not an Isnad JSON export/);
    await expect(importExportFile(join(scratch, 'missing.json'), target)).rejects.toThrow(/no such file/);
  });
});
