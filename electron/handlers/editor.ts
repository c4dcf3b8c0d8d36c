import { HandlerError } from './handler-error';
import type { HandlerContext } from './handler-types';

/** Every event carries the editor who made it: no name, no change. */
export function currentEditor({ store, editor }: HandlerContext): string {
  const name = editor ?? store.state.settings.editorName;
  if (!name) throw new HandlerError('no-editor', 'tell Isnad your name first (Settings → Editor name): every decision is recorded with it');
  return name;
}
