import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftEvent } from '../../shared/model/events';
import { readReportFile } from '../reports/read-report-file';

/**
 * Import events for the sample reports, so a new user sees a real comparison at once. The samples
 * pass through the same reader and validation as any report an editor imports.
 */
export async function seedSampleReports(dir: string): Promise<{ drafts: DraftEvent[]; problems: string[] }> {
  const drafts: DraftEvent[] = [];
  const problems: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    return { drafts, problems: [`sample reports not found in ${dir} (${(error as Error).message})`] };
  }
  for (const name of names) {
    try {
      const report = await readReportFile(join(dir, name));
      drafts.push({ type: 'report.imported', payload: { report } });
    } catch (error) {
      problems.push(`sample report ${name} skipped: ${(error as Error).message}`);
    }
  }
  return { drafts, problems };
}
