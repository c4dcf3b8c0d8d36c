import { verifyDataDir } from '../store/verify-log';
import { currentEditor } from './editor';
import type { HandlerContext, HandlerGroup } from './handler-types';
import { summaries } from './report-summary';

export function appHandlers(context: HandlerContext): HandlerGroup<'app:load' | 'settings:update' | 'log:verify'> {
  const { store } = context;
  return {
    'app:load': async () => ({
      // On a shared story the settings are shared too: the name shown is the editor working here.
      settings: context.desk && context.editor ? { ...store.state.settings, editorName: context.editor } : store.state.settings,
      reports: summaries(store),
      warnings: store.warnings,
      writable: store.writable,
      damage: store.damage,
      dataDir: store.dataDir,
      eventCount: store.eventCount,
    }),

    'settings:update': async (changes) => {
      // Naming yourself is the one change that needs no name on record yet.
      const editor = changes.editorName ?? currentEditor(context);
      await store.commit([{ type: 'settings.changed', payload: { changes } }], editor);
      return store.state.settings;
    },

    'log:verify': async () => {
      await store.settle();
      return verifyDataDir(store.dataDir);
    },
  };
}
