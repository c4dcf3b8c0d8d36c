import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { sha256Hex } from '../crypto/sha256';
import { guessLanguage, reportFileSchema, reportSchema, type Report } from '../../shared/model/report';
import { formatZodError } from '../../shared/model/format-error';

/** Larger inputs are refused before they are read, so a stray disk image cannot exhaust memory. */
export const MAX_REPORT_FILE_BYTES = 64 * 1024 * 1024;

export class ReportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFileError';
  }
}

/**
 * Decodes bytes as UTF-8, refusing anything else: a report whose bytes we cannot read exactly
 * cannot be anchored or hashed faithfully. A UTF-8 byte order mark is kept out of the text.
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new ReportFileError(`${name} is empty`);
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new ReportFileError(`${name} looks like a binary file (it contains NUL bytes), not a text report`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ReportFileError(`${name} is not valid UTF-8 text; save it as UTF-8 and try again`);
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ReportFileError(`${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ReportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportFileError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? String(error)})`);
  }
  if (size > MAX_REPORT_FILE_BYTES) {
    throw new ReportFileError(`${path} is ${(size / 1048576).toFixed(1)} MB; the limit for one report is ${MAX_REPORT_FILE_BYTES / 1048576} MB`);
  }
  return readFile(path);
}

/** A text file's content, refused with a clear reason when it is too large, binary or not UTF-8. */
export async function readTextFile(path: string): Promise<string> {
  const full = resolve(path);
  return decodeUtf8(await readBytes(full), basename(full));
}

/** A report id from a file name: "Alhurra Aleppo.txt" → "alhurra-aleppo". */
export function reportIdFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/\.[^.]+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || `report-${Date.now().toString(36)}`;
}

/**
 * Reads a report from disk: a `.json` report file (as in fixtures/reports) or a plain `.txt`,
 * whose outlet is its file name. Every report goes through `reportSchema`, the same validation
 * as reports imported in the app.
 */
export async function readReportFile(path: string): Promise<Report> {
  const full = resolve(path);
  const bytes = await readBytes(full);
  const name = basename(full);
  if (extname(full).toLowerCase() === '.json') return parseReportJson(decodeUtf8(bytes, name), full);

  const text = decodeUtf8(bytes, name);
  if (text.trim() === '') throw new ReportFileError(`${name} is empty`);
  const outlet = name.replace(/\.[^.]+$/, '');
  return validateReport({
    id: reportIdFromName(name),
    outlet,
    title: '',
    publishedAt: null,
    language: guessLanguage(text),
    url: null,
    text,
    textSha256: sha256Hex(text),
  }, name);
}

async function parseReportJson(source: string, path: string): Promise<Report> {
  const name = basename(path);
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new ReportFileError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = reportFileSchema.safeParse(json);
  if (!parsed.success) throw new ReportFileError(`${name} is not an Isnad report: ${formatZodError(parsed.error)}`);
  const file = parsed.data;
  let text = file.text;
  if (file.textFile !== undefined) {
    const textPath = await confinedTextFile(path, file.textFile);
    text = decodeUtf8(await readBytes(textPath), basename(textPath));
  }
  const textSha256 = sha256Hex(text ?? '');
  if (file.textSha256 !== undefined && file.textSha256 !== textSha256) {
    throw new ReportFileError(`${name}: the text does not match its recorded SHA-256 (expected ${file.textSha256}, got ${textSha256})`);
  }
  const { kind: _kind, schemaVersion: _version, textFile: _textFile, ...meta } = file;
  return validateReport({ ...meta, text: text ?? '', textSha256 }, name);
}

/**
 * The text file a report file names, which must be inside the report file's own folder once
 * every symlink is followed: a report handed over by someone else cannot pull in ~/.ssh or
 * /etc/passwd and carry it into the log and every export.
 */
async function confinedTextFile(reportPath: string, textFile: string): Promise<string> {
  const name = basename(reportPath);
  const outside = () => new ReportFileError(`${name}: its textFile ${JSON.stringify(textFile)} is outside the report file's folder; a report file may only name a text file in its own folder`);
  if (isAbsolute(textFile)) throw outside();
  const folder = await realpath(dirname(reportPath));
  let target: string;
  try {
    target = await realpath(resolve(dirname(reportPath), textFile));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportFileError(code === 'ENOENT' ? `${name}: its textFile ${JSON.stringify(textFile)} does not exist` : `${name}: its textFile cannot be read (${code ?? String(error)})`);
  }
  const inside = relative(folder, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) throw outside();
  return target;
}

function validateReport(candidate: unknown, name: string): Report {
  const parsed = reportSchema.safeParse(candidate);
  if (!parsed.success) throw new ReportFileError(`${name}: ${formatZodError(parsed.error)}`);
  return parsed.data;
}
