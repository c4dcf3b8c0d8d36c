import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractedArticle, ExtractReply, ExtractRequest } from './extract-article';
import { checkMarkupSize, ImportLimitError } from './import-limits';

/** A 10 MB page takes a few seconds (see `npm run bench`); a page still going after this is a runaway. */
export const EXTRACT_TIME_LIMIT_MS = 30_000;

/** The heap one extraction may use; the 10 MB limit needs well under half of it. */
const EXTRACT_HEAP_MB = 1024;

/** At most this many extractions run at once; more wait their turn, so imports cannot pile up threads. */
const MAX_RUNNING = 2;

export interface ExtractOptions {
  /** Tests pass a small one to show the cut-off. */
  timeLimitMs?: number;
}

/**
 * How to start the worker: the bundle beside main.cjs in the built app, or beside the built
 * CLI's main.js; under the browser mode and the tests, the TypeScript source, loaded through tsx's API (a worker does not
 * inherit the loader its parent was started with).
 */
function workerSource(): { source: string; evaluate: boolean } {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  if (here.endsWith(join('build', 'electron'))) return { source: join(here, 'extract-worker.cjs'), evaluate: false };
  if (here.endsWith(join('build', 'cli'))) return { source: join(here, 'extract-worker.js'), evaluate: false };
  const tsxPackage = createRequire(join(here, 'extract-in-worker.ts')).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = pathToFileURL(join(here, 'extract-worker.ts')).href;
  return { source: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, evaluate: true };
}

let running = 0;
const waiting: Array<() => void> = [];

async function turn(): Promise<() => void> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/**
 * A worker that finished cleanly is kept a short while for the next import, which then skips the
 * start-up (most of an import's time for a small file). It never keeps the process alive, and it
 * is ended when unused, so the memory of a large extraction is not held.
 */
const IDLE_MS = 10_000;
const idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];

function takeWorker(): Worker {
  const kept = idle.pop();
  if (kept) {
    clearTimeout(kept.timer);
    kept.worker.ref();
    return kept.worker;
  }
  const { source, evaluate } = workerSource();
  return new Worker(source, { eval: evaluate, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: EXTRACT_HEAP_MB }, stdout: false, stderr: false });
}

function keepWorker(worker: Worker): void {
  worker.unref();
  const entry = {
    worker,
    timer: setTimeout(() => {
      idle.splice(idle.indexOf(entry), 1);
      void worker.terminate();
    }, IDLE_MS).unref(),
  };
  idle.push(entry);
}

/** One request to one worker: its answer, or a refusal when it overruns, runs out of memory or dies. */
function ask(worker: Worker, request: ExtractRequest, timeLimit: number, what: string): Promise<ExtractReply> {
  return new Promise<ExtractReply>((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: ExtractReply) => {
      settle();
      resolve(message);
    };
    const onError = (error: Error & { code?: string }) => {
      settle();
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ImportLimitError(`reading ${what} needed more than ${EXTRACT_HEAP_MB} MB of memory and was stopped; save the article as plain text and import that`, 'too-large')
          : new Error(`${what} could not be read: ${error.message}`),
      );
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`${what} could not be read: the reader stopped (exit code ${code})`));
    };
    const timer = setTimeout(() => {
      settle();
      reject(new ImportLimitError(`reading ${what} took longer than ${timeLimit / 1000} seconds and was stopped; save the article as plain text and import that`, 'too-slow'));
    }, timeLimit);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(request);
  });
}

/**
 * Extracts the article of an HTML page or a Markdown file in a worker thread, so the calling
 * thread keeps answering meanwhile. The size limit is checked here first, before the text is
 * copied to the worker; the worker checks nesting depth before building a tree. A worker that
 * runs past the time limit or out of its heap is ended, and the import refused with a clear error.
 */
export async function extractInWorker(request: ExtractRequest, options: ExtractOptions = {}): Promise<ExtractedArticle> {
  checkMarkupSize(request.content, request.format);
  const timeLimit = options.timeLimitMs ?? EXTRACT_TIME_LIMIT_MS;
  const what = request.format === 'html' ? 'this HTML page' : 'this Markdown file';
  const done = await turn();
  try {
    const worker = takeWorker();
    let reply: ExtractReply;
    try {
      reply = await ask(worker, request, timeLimit, what);
    } catch (error) {
      // A runaway, or a worker that failed: it is never used again.
      void worker.terminate();
      throw error;
    }
    keepWorker(worker);
    if (reply.ok) return reply.article;
    if (reply.code === 'too-large' || reply.code === 'too-deep' || reply.code === 'too-slow') throw new ImportLimitError(reply.message, reply.code);
    throw new Error(`${what} could not be read: ${reply.message}`);
  } finally {
    done();
  }
}
