import { rename } from 'node:fs/promises';

/** A file name-safe timestamp: 2024-12-01T10-20-30-123Z. */
export function fileTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Renames a file the store cannot use to `<file>.<label>-<timestamp>`, keeping its bytes intact
 * for the user (or support) to inspect or restore. Returns the new path.
 */
export async function moveAside(path: string, label: string, stamp = fileTimestamp()): Promise<string> {
  const target = `${path}.${label}-${stamp}`;
  await rename(path, target);
  return target;
}
