/**
 * The one table printer of `npm run bench`: every section prints its figures through it, so
 * every target is stated beside its figure with `met` or `MISSED`, the same way everywhere.
 *
 *   import { benchTable } from './bench-table';
 *
 *   const text = benchTable('CLI, end to end', [
 *     { what: 'node -e 0 (floor)', value: 48, unit: 'ms' },                          // a figure
 *     { what: 'isnad help', value: 61, unit: 'ms', target: '≤ 144 ms (3× node)', met: 61 <= 144 },
 *     { what: 'claims A / B', value: '2,236 / 2,232' },                               // any text
 *   ], ['Median of 9 runs, taken in turns.']);                                       // notes
 *   console.log(text);
 *
 * - `value`: a number (printed with sensible precision and `unit`) or a ready-made string.
 * - `target` and `met` go together: a row with a target says `met` or `MISSED`; a row without
 *   one is a plain figure. A figure that could not be measured is `met: false` with the reason
 *   as its value: a target that was not measured was not met.
 * - Returns Markdown (a heading line, the table, the notes); nothing is printed here.
 * - Every row with a target is also remembered, and `targetSummary()` lists them all at the end
 *   of a run, so one look says whether everything was met.
 */

export interface BenchRow {
  /** What was measured, in the editor's or developer's words. */
  what: string;
  value: number | string;
  /** For a number: 'ms', 's', 'MB', '×', '%'… */
  unit?: string;
  /** The target, as a reader should read it: '≤ 500 ms', '< 1,000 ms main thread'. */
  target?: string;
  met?: boolean;
}

interface Verdict {
  table: string;
  what: string;
  value: string;
  target: string;
  met: boolean;
}

const verdicts: Verdict[] = [];

/** 1234.5 → "1,235"; 12.34 → "12.3"; 1.234 → "1.23": three significant figures or whole numbers. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatValue(row: Pick<BenchRow, 'value' | 'unit'>): string {
  if (typeof row.value === 'string') return row.value;
  const number = formatNumber(row.value);
  return row.unit === undefined ? number : row.unit === '×' || row.unit === '%' ? `${number}${row.unit}` : `${number} ${row.unit}`;
}

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function benchTable(title: string, rows: readonly BenchRow[], notes: readonly string[] = []): string {
  const lines = [`### ${title}`, '', '| measure | value | target | |', '| --- | --- | --- | --- |'];
  for (const row of rows) {
    const value = formatValue(row);
    const hasTarget = row.target !== undefined || row.met !== undefined;
    const verdict = !hasTarget ? '' : row.met ? 'met' : '**MISSED**';
    lines.push(`| ${cell(row.what)} | ${cell(value)} | ${cell(row.target ?? '')} | ${verdict} |`);
    if (hasTarget) verdicts.push({ table: title, what: row.what, value, target: row.target ?? '', met: row.met === true });
  }
  if (notes.length > 0) lines.push('', ...notes);
  return lines.join('\n');
}

/** Every target printed so far in this run, met or not; empty when no table had one. */
export function targetSummary(): string {
  if (verdicts.length === 0) return '';
  const missed = verdicts.filter((v) => !v.met).length;
  const rows: BenchRow[] = verdicts.map((v) => ({ what: `${v.table}: ${v.what}`, value: v.value, target: v.target, met: v.met }));
  verdicts.length = 0;
  const text = benchTable(`All targets: ${rows.length - missed} met, ${missed} missed`, rows);
  verdicts.length = 0;
  return text;
}
