import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { viewMenu } from './menu';
import { electronMock, recorded, resetRecorded } from './testing/electron-mock';
import { findCalls, findMentions, readSource } from './testing/electron-source-scan';
import { resolve } from 'node:path';

/**
 * The shell's start-up and menu, run under plain Node with `electron` replaced by a recorder:
 * a second instance stops before it opens anything, and a packaged app has no developer tools.
 */

vi.mock('electron', async () => (await import('./testing/electron-mock')).electronMock);
const opened: string[] = [];
vi.mock('../app-context', () => ({
  projectRoot: () => '/nonexistent/isnad',
  defaultSampleReportsDir: () => '/nonexistent/isnad/fixtures/reports',
  openAppContext: async ({ dataDir }: { dataDir: string }) => {
    opened.push(dataDir);
    return { store: { warnings: [] }, dispatch: async () => ({ ok: true, value: null }), notifications: { subscribe: () => () => undefined }, close: async () => undefined };
  },
}));

const ROOT = resolve(__dirname, '../..');

beforeEach(() => {
  resetRecorded();
  opened.length = 0;
  electronMock.app.exit.mockClear();
});

/** Every role in a menu template, however deep. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('a second instance', () => {
  it('stops start-up when the single-instance lock is taken: no data folder, no window, no handlers', async () => {
    electronMock.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    vi.resetModules();
    await import('./main');
    electronMock.resolveReady();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(electronMock.app.exit).toHaveBeenCalledWith(0);
    expect(opened).toEqual([]);
    expect(recorded.windows).toEqual([]);
    expect(recorded.ipcHandleCalls).toEqual([]);
    expect(recorded.appListeners.has('will-quit')).toBe(false);
  });

  it('the first instance starts as usual', async () => {
    vi.resetModules();
    await import('./main');
    electronMock.resolveReady();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(electronMock.app.exit).not.toHaveBeenCalled();
    expect(opened).toEqual(['/nonexistent/isnad-user-data']);
    expect(recorded.windows).toHaveLength(1);
  });

  it('main.ts registers start-up only behind the lock (source check)', () => {
    const source = readSource(ROOT, 'electron/main/main.ts');
    expect(findCalls(source, 'requestSingleInstanceLock')).toHaveLength(1);
    expect(findCalls(source, 'whenReady')).toHaveLength(1);
    expect(findCalls(source, 'whenReady')[0]!.line).toBeGreaterThan(findCalls(source, 'requestSingleInstanceLock')[0]!.line);
  });
});

describe('the View menu', () => {
  it('has no developer tools, reload or the stock View menu in a packaged app', () => {
    const packaged = roles([viewMenu(false)]).map((role) => role.toLowerCase());
    expect(packaged).not.toContain('toggledevtools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forcereload');
    expect(packaged).not.toContain('viewmenu');
    expect(packaged).toContain('togglefullscreen');
  });

  it('offers them when running from a checkout', () => {
    expect(roles([viewMenu(true)])).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('no source uses the stock viewMenu role, which carries the developer-tools toggle (source check)', () => {
    const menu = readSource(ROOT, 'electron/main/menu.ts');
    expect(menu.text).not.toMatch(/role:\s*'viewMenu'/);
    expect(findMentions(readSource(ROOT, 'electron/main/main.ts'), 'installMenu').length).toBeGreaterThan(0);
    expect(readSource(ROOT, 'electron/main/main.ts').text).toMatch(/installMenu\(notify, !app\.isPackaged\)/);
  });
});

describe('device permissions', () => {
  it('the default session gets a device permission handler before the window exists', async () => {
    vi.resetModules();
    await import('./main');
    electronMock.resolveReady();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorded.order.indexOf('setDevicePermissionHandler')).toBeGreaterThan(-1);
    expect(recorded.order.indexOf('setDevicePermissionHandler')).toBeLessThan(recorded.order.indexOf('new BrowserWindow'));
  });
});
