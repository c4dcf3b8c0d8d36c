import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Isnad keeps its data when no --data-dir is given: the same folder Electron's
 * `app.getPath('userData')` gives the desktop app, so the browser mode and the CLI see the
 * desktop app's data. ISNAD_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ISNAD_DATA_DIR) return env.ISNAD_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Isnad');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Isnad');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Isnad');
}
