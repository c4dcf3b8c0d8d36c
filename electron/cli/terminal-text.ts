import type { CliIo } from './cli-io';

/**
 * What the CLI prints for a person goes to a terminal, which obeys control characters: report
 * text, outlet and editor names come from other people, and an ESC in them could paint a fake
 * green "OK", retitle the window or hide a link; a bidi override could reverse the rest of the
 * line. `inert` shows each such character as an escape instead, so the line says exactly what
 * is stored. Line breaks are kept: they are the CLI's own (user text in tables is flattened first).
 */

/** Embeddings and overrides (LRE, RLE, PDF, LRO, RLO): harmless only inside an isolate. */
const OVERRIDES = /[\u202a-\u202e]/;
const ISOLATE_OPEN = /[\u2066-\u2068]/;
const ISOLATE_CLOSE = '\u2069';
/** C0 but the line break, DEL, C1, and the line and paragraph separators. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Where each isolate opener has its closer, on the same line: an unclosed one is escaped too. */
function matchedIsolates(line: string): Set<number> {
  const matched = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (ISOLATE_OPEN.test(char)) open.push(i);
    else if (char === ISOLATE_CLOSE && open.length > 0) {
      matched.add(open.pop()!);
      matched.add(i);
    }
  }
  return matched;
}

/** Any character `inertLine` might escape: a line without one is printed as it is. */
const SPECIAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function inertLine(line: string): string {
  if (!SPECIAL.test(line)) return line;
  const matched = matchedIsolates(line);
  let depth = 0;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (CONTROL.test(char)) out += escaped(char);
    else if (ISOLATE_OPEN.test(char) || char === ISOLATE_CLOSE) {
      if (!matched.has(i)) out += escaped(char);
      else {
        depth += char === ISOLATE_CLOSE ? -1 : 1;
        out += char;
      }
    } else if (OVERRIDES.test(char) && depth === 0) out += escaped(char);
    else out += char;
  }
  return out;
}

/** Text for a terminal: control characters, and bidi overrides outside an isolate, escaped. */
export function inert(text: string): string {
  return text.split('\n').map(inertLine).join('\n');
}

/** A value shown within one line (a title, a note, a name): its line breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The one way a command prints for a person (stdout or stderr). Machine-readable output (--json,
 * an export) is printed exactly, with `printJson`.
 */
export function say(io: CliIo, text: string, stream: 'out' | 'err' = 'out'): void {
  io[stream](inert(text));
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
