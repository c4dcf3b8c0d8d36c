import { parentPort } from 'node:worker_threads';
import { extractArticle, type ExtractRequest, type ExtractReply } from './extract-article';

/**
 * The worker thread that parses HTML and Markdown imports, so a large or hostile file never holds
 * the main process (the Electron main process or the browser-mode server). It answers one request
 * at a time; its owner ends it when it overruns, and when it has been idle for a while.
 */
parentPort?.on('message', (request: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { ok: true, article: extractArticle(request) };
  } catch (error) {
    reply = { ok: false, message: (error as Error).message ?? String(error), code: (error as { code?: string }).code ?? null };
  }
  parentPort!.postMessage(reply);
});
