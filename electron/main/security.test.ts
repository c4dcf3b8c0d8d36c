import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, type Reply } from '../../shared/contract/channels';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/content-security-policy';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop';
import { APP_ORIGIN } from '../../shared/contract/trusted-url';
import type { Dispatch } from '../handlers/dispatch';
import { serveAppScheme } from './app-protocol';
import { isAppUrl } from './app-url';
import { denyAllPermissions, lockNavigation, openExternalSafely } from './harden';
import { handleTrusted, isTrustedSender, registerContract } from './ipc';
import { resolveRendererFile } from './renderer-file';
import { electronMock, fakeWebContents, recorded, resetRecorded } from './testing/electron-mock';
import {
  FORBIDDEN_PREFERENCES,
  REQUIRED_PREFERENCE_VALUES,
  findCalls,
  findConstructions,
  findMarkupSinks,
  findMentions,
  findUnsafePreferences,
  listSourceFiles,
  parseSource,
  readSource,
} from './testing/electron-source-scan';
import { createMainWindow } from './window';

/**
 * What Electronegativity cannot see or under-reports, checked on the shell's own code under plain
 * Node: `electron` is replaced by a recorder (testing/electron-mock.ts), and the sources are read
 * with the TypeScript parser. docs/security.md maps each of Electron's checklist items to these.
 */

vi.mock('electron', async () => (await import('./testing/electron-mock')).electronMock);
vi.mock('../app-context', () => ({
  projectRoot: () => '/nonexistent/isnad',
  defaultSampleReportsDir: () => '/nonexistent/isnad/fixtures/reports',
  openAppContext: async () => ({ store: { warnings: [] }, dispatch: async () => ({ ok: true, value: null }), notifications: { subscribe: () => () => undefined }, close: async () => undefined }),
}));

const ROOT = resolve(__dirname, '../..');
const SOURCES = listSourceFiles(ROOT, ['electron', 'shared', 'renderer', 'scripts']);

beforeEach(() => resetRecorded());

describe('the window (checklist 2, 3, 4, 6, 8, 9, 10, 12)', () => {
  it('is created with isolation, the sandbox and no Node, and loads only app://isnad', () => {
    createMainWindow('/opt/isnad/build/electron');
    expect(recorded.windows).toHaveLength(1);
    const [window] = recorded.windows;
    const preferences = window!.options.webPreferences as Record<string, unknown>;
    expect(preferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: join('/opt/isnad/build/electron', 'preload.cjs'),
    });
    expect(window!.loadedUrls).toEqual([`${APP_ORIGIN}/index.html`]);
  });

  it('is the only window: BrowserWindow, BrowserView and WebContentsView are built in window.ts alone', () => {
    const built = SOURCES.flatMap((file) => ['BrowserWindow', 'BrowserView', 'WebContentsView'].flatMap((name) => findConstructions(readSource(ROOT, file), name).map((line) => `${file}:${line}`)));
    expect(built).toEqual([expect.stringMatching(/^electron\/main\/window\.ts:\d+$/)]);
  });

  it('no source anywhere sets an unsafe web preference, however it is written', () => {
    const findings = SOURCES.flatMap((file) => findUnsafePreferences(readSource(ROOT, file)));
    expect(findings).toEqual([]);
  });

  // The scan above is only worth something if it sees what Electronegativity misses.
  it.each([
    ['nodeIntegration: true', 'new BrowserWindow({ webPreferences: { nodeIntegration: true } })'],
    ['a quoted key', `const options = { webPreferences: { 'nodeIntegration': true } };`],
    ['a computed key', `const options = { ['contextIsolation']: false };`],
    ['a constant outside the call', 'const prefs = { sandbox: false }; new BrowserWindow({ webPreferences: prefs });'],
    ['a spread', 'const base = {}; new BrowserWindow({ webPreferences: { ...base, contextIsolation: true } });'],
    ['a shorthand property', 'const nodeIntegration = true; const p = { nodeIntegration };'],
    ['a non-literal value', 'const p = { webSecurity: process.env.DEV !== "1" };'],
    ['a double negation', 'const p = { nodeIntegrationInSubFrames: !!1 };'],
    ['Blink features', `const p = { enableBlinkFeatures: 'CSSVariables' };`],
    ['a <webview> in JSX', 'export const V = () => <webview src="https://example.org" />;'],
    ['insecure content', 'const p = { allowRunningInsecureContent: true, experimentalFeatures: true, webviewTag: true };'],
  ])('the scan catches %s', (_name, code) => {
    expect(findUnsafePreferences(parseSource('sample.tsx', code)).length).toBeGreaterThan(0);
  });

  it('the scan passes the safe spelling', () => {
    const safe = Object.entries(REQUIRED_PREFERENCE_VALUES)
      .map(([name, value]) => `${name}: ${String(value)}`)
      .join(', ');
    expect(findUnsafePreferences(parseSource('sample.ts', `new BrowserWindow({ webPreferences: { ${safe}, preload: p } });`))).toEqual([]);
    expect(FORBIDDEN_PREFERENCES).toContain('enableBlinkFeatures');
  });
});

describe('the preload (checklist 3, 20)', () => {
  async function loadPreload(): Promise<Record<string, unknown>> {
    vi.resetModules();
    await import('../preload/preload');
    expect(recorded.exposed).toHaveLength(1);
    expect(recorded.exposed[0]!.key).toBe('isnad');
    return recorded.exposed[0]!.api as Record<string, unknown>;
  }

  it('exposes exactly one function per contract channel, plus the desktop calls', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'desktop'].sort());
    for (const channel of CHANNEL_NAMES) expect(typeof api[channel], channel).toBe('function');
    expect(Object.keys(api.desktop as object).sort()).toEqual(['onNotification', 'saveFile']);
  });

  it('never exposes ipcRenderer or any of its methods', async () => {
    const api = await loadPreload();
    const { ipcRenderer } = electronMock;
    const exposedValues = [...Object.values(api), ...Object.values(api.desktop as object)];
    for (const value of exposedValues) {
      expect(value).not.toBe(ipcRenderer);
      for (const method of Object.values(ipcRenderer)) expect(value).not.toBe(method);
    }
    const source = readSource(ROOT, 'electron/preload/preload.ts');
    expect(findCalls(source, 'send')).toEqual([]);
    expect(findCalls(source, 'sendSync')).toEqual([]);
  });

  it('each function calls its own channel only, whatever the page passes', async () => {
    const api = await loadPreload();
    const invoke = electronMock.ipcRenderer.invoke;
    for (const channel of CHANNEL_NAMES) {
      invoke.mockClear();
      await (api[channel] as (...args: unknown[]) => Promise<unknown>)({ probe: channel }, 'evil:channel', 'file:save');
      expect(invoke.mock.calls, channel).toEqual([[channel, { probe: channel }]]);
    }
    invoke.mockClear();
    const desktop = api.desktop as { saveFile: (...args: unknown[]) => Promise<unknown> };
    await desktop.saveFile({ fileName: 'log.md' }, 'app:load');
    expect(invoke.mock.calls).toEqual([[DESKTOP_CHANNELS.saveFile, { fileName: 'log.md' }]]);
  });

  it('passes on only the notifications of the contract: menu commands it knows, changes of the story', async () => {
    const api = await loadPreload();
    const on = electronMock.ipcRenderer.on;
    on.mockClear();
    const heard: unknown[] = [];
    (api.desktop as { onNotification: (listener: (notification: unknown) => void) => void }).onNotification((notification) => heard.push(notification));
    expect(on.mock.calls).toHaveLength(1);
    const [channel, handler] = on.mock.calls[0] as unknown as [string, (event: unknown, notification: unknown) => void];
    expect(channel).toBe(DESKTOP_CHANNELS.notification);
    handler({ sender: 'the event' }, { name: 'menu:command', payload: 'import' });
    handler({}, { name: 'menu:command', payload: 'rm -rf /' });
    handler({}, 'import');
    handler({}, { name: 'shell:open', payload: 'file:///etc/passwd' });
    handler({}, { name: 'story:changed', payload: { events: 1, editors: ['Casualties editor'], colleague: true } });
    expect(heard).toEqual([
      { name: 'menu:command', payload: 'import' },
      { name: 'story:changed', payload: { events: 1, editors: ['Casualties editor'], colleague: true } },
    ]);
  });
});

describe('IPC (checklist 17)', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as unknown as Parameters<typeof isTrustedSender>[0];

  it('trusts our own main frame only', () => {
    expect(isTrustedSender(frame('app://isnad/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://isnad/'))).toBe(true);
  });

  it.each([
    ['a subframe of our own page', frame('app://isnad/index.html', { url: 'app://isnad/index.html' })],
    ['another web origin', frame('https://evil.example/')],
    ['a local file', frame('file:///home/editor/Downloads/report.html')],
    ['another host on our scheme', frame('app://evil/index.html')],
    ['a look-alike host', frame('app://isnad.evil/index.html')],
    ['a user in the URL', frame('app://evil@isnad/index.html')],
    ['a port', frame('app://isnad:8080/index.html')],
    ['an opaque origin', frame('null')],
    ['about:blank', frame('about:blank')],
    ['a data: URL', frame('data:text/html,<script>1</script>')],
    ['the browser mode', frame('http://127.0.0.1:5174/')],
    ['a destroyed frame', { senderFrame: null } as unknown as Parameters<typeof isTrustedSender>[0]],
  ])('refuses %s', (_name, event) => {
    expect(isTrustedSender(event)).toBe(false);
  });

  it('does not compare URL.origin, which is "null" for every custom scheme', () => {
    expect(new URL('app://evil/').origin).toBe(new URL('app://isnad/').origin);
    expect(isAppUrl('app://evil/')).toBe(false);
  });

  it('registerContract answers every channel, and only trusted senders reach dispatch', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'done' }));
    registerContract(dispatch);
    expect(recorded.ipcHandleCalls.sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) {
      const handler = recorded.ipcHandlers.get(channel)!;
      const refused = (await handler(frame('https://evil.example/'), { any: 'input' })) as Reply<unknown>;
      expect(refused).toEqual({ ok: false, code: 'untrusted-sender', error: expect.any(String) });
      expect(await handler(frame('app://isnad/index.html'), { any: 'input' })).toEqual({ ok: true, value: 'done' });
    }
    expect(dispatch).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    expect(dispatch.mock.calls.map(([channel]) => channel)).toEqual([...CHANNEL_NAMES]);
  });

  it('handleTrusted guards desktop-only calls the same way', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, value: 1 }));
    handleTrusted('file:save', handler);
    const listener = recorded.ipcHandlers.get('file:save')!;
    expect(await listener(frame('app://isnad/index.html', {}), {})).toMatchObject({ ok: false, code: 'untrusted-sender' });
    expect(handler).not.toHaveBeenCalled();
    expect(await listener(frame('app://isnad/index.html'), { x: 1 })).toEqual({ ok: true, value: 1 });
  });

  it('registerContract and handleTrusted are the only callers of ipcMain, and only of ipcMain.handle', () => {
    const mentions = SOURCES.filter((file) => findMentions(readSource(ROOT, file), 'ipcMain').length > 0);
    expect(mentions).toEqual(['electron/main/ipc.ts']);
    const source = readSource(ROOT, 'electron/main/ipc.ts');
    const handles = findCalls(source, 'handle');
    expect(handles.map((call) => call.enclosing.at(-1))).toEqual(['registerContract', 'handleTrusted']);
    for (const call of handles) expect(call.text).toMatch(/^ipcMain\.handle\(/);
    // Every other mention of ipcMain is the import.
    expect(findMentions(source, 'ipcMain')).toHaveLength(1 + handles.length);
    for (const name of ['on', 'once', 'handleOnce', 'addListener']) expect(findCalls(source, name), name).toEqual([]);
  });

  it('no code reaches for per-window IPC (webContents.ipc), which would skip the wrapper', () => {
    const uses = SOURCES.filter((file) => readFileSync(join(ROOT, file), 'utf8').match(/\.ipc\s*\.\s*(handle|on|once)\b/));
    expect(uses).toEqual([]);
  });
});

describe('links, navigation and new windows (checklist 13, 14, 15)', () => {
  function contentsWithLock() {
    lockNavigation();
    const created = recorded.appListeners.get('web-contents-created')!;
    expect(created).toHaveLength(1);
    const contents = fakeWebContents();
    created[0]!({}, contents);
    return contents;
  }

  it('opens only http(s) links, in the system browser, and never a window of ours', () => {
    const contents = contentsWithLock();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    for (const url of ['https://www.alhurra.com/a', 'http://example.org/?q=حلب', 'HTTPS:example.org\\x']) expect(open(url)).toEqual({ action: 'deny' });
    for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'app://isnad/index.html', 'data:text/html,x', 'ms-msdt:/id', 'vbscript:x', 'http://']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    // The system browser gets the parsed URL, not the string the page sent.
    expect(recorded.openedExternally).toEqual(['https://www.alhurra.com/a', 'http://example.org/?q=%D8%AD%D9%84%D8%A8', 'https://example.org/x']);
  });

  it('keeps the window on app://isnad', () => {
    const contents = contentsWithLock();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(contents.emit('will-navigate', url), url).toBe(true);
      expect(contents.emit('will-redirect', url), url).toBe(true);
      expect(contents.emit('will-frame-navigate', { url, isMainFrame: true }), url).toBe(true);
    }
    expect(contents.emit('will-navigate', 'app://isnad/index.html')).toBe(false);
    expect(contents.emit('will-frame-navigate', { url: 'app://isnad/index.html', isMainFrame: true })).toBe(false);
    expect(contents.emit('will-frame-navigate', { url: 'app://isnad/index.html', isMainFrame: false })).toBe(true);
    expect(contents.emit('will-attach-webview', {}, {})).toBe(true);
  });

  it('shell.openExternal is reached only through isSafeExternalUrl', () => {
    const mentions = SOURCES.filter((file) => findMentions(readSource(ROOT, file), 'openExternal').length > 0);
    expect(mentions).toEqual(['electron/main/harden.ts']);
    const calls = findCalls(readSource(ROOT, 'electron/main/harden.ts'), 'openExternal');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.enclosing).toEqual(['openExternalSafely']);
    const body = readFileSync(join(ROOT, 'electron/main/harden.ts'), 'utf8');
    const safely = body.slice(body.indexOf('export function openExternalSafely'));
    expect(safely.indexOf('if (!isSafeExternalUrl(url)) return false;')).toBeGreaterThan(0);
    expect(safely.indexOf('if (!isSafeExternalUrl(url)) return false;')).toBeLessThan(safely.indexOf('shell.openExternal'));
    expect(safely).toContain('shell.openExternal(new URL(url).href)');
    expect(openExternalSafely('javascript:alert(1)')).toBe(false);
    expect(openExternalSafely(42)).toBe(false);
    expect(recorded.openedExternally).toEqual([]);
  });
});

describe('untrusted content in the renderer (checklist 1, 15)', () => {
  it('is never parsed as HTML or code, and only SafeLink writes a link', () => {
    const renderer = SOURCES.filter((file) => file.startsWith('renderer/'));
    expect(renderer.length).toBeGreaterThan(10);
    const sinks = renderer.flatMap((file) => findMarkupSinks(readSource(ROOT, file)).map((f) => `${f.file}:${f.line} ${f.message}`));
    // The one link: SafeLink, which shows anything but http(s) as inert text.
    expect(sinks).toEqual([expect.stringMatching(/^renderer\/src\/workbench\/EvidenceSection\.tsx:\d+ JSX href=$/)]);
    const evidence = readFileSync(join(ROOT, 'renderer/src/workbench/EvidenceSection.tsx'), 'utf8');
    const safeLink = evidence.slice(evidence.indexOf('export function SafeLink'));
    expect(safeLink.indexOf('if (!isSafeExternalUrl(url)) return')).toBeGreaterThan(0);
    expect(safeLink.indexOf('if (!isSafeExternalUrl(url)) return')).toBeLessThan(safeLink.indexOf('href={url}'));
  });

  it('the sink scan sees what it looks for', () => {
    for (const code of ['el.innerHTML = x;', '<div dangerouslySetInnerHTML={{ __html: x }} />', 'document.write(x);', 'eval(x);', 'new Function(x);', '<iframe srcDoc={x} />', 'range.createContextualFragment(x);']) {
      expect(findMarkupSinks(parseSource('sample.tsx', code)).length, code).toBeGreaterThan(0);
    }
  });
});

describe('permissions (checklist 5)', () => {
  it('denies every permission request and check, device access, and cancels every device picker', () => {
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let checkHandler: (() => boolean) | null = null;
    let deviceHandler: (() => boolean) | null = null;
    const pickers = new Map<string, (event: { preventDefault(): void }, ...args: unknown[]) => void>();
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
      setDevicePermissionHandler: (handler: typeof deviceHandler) => (deviceHandler = handler),
      on: (event: string, listener: (event: { preventDefault(): void }, ...args: unknown[]) => void) => pickers.set(event, listener),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const answers: boolean[] = [];
      requestHandler!({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
    expect(checkHandler!()).toBe(false);
    expect(deviceHandler!()).toBe(false);
    const chosen: unknown[] = [];
    let prevented = 0;
    const event = { preventDefault: () => void prevented++ };
    pickers.get('select-hid-device')!(event, { deviceList: [{ deviceId: 'hid-1' }] }, (id: unknown) => chosen.push(id));
    pickers.get('select-serial-port')!(event, [{ portId: 'serial-1' }], {}, (id: unknown) => chosen.push(id));
    pickers.get('select-usb-device')!(event, { deviceList: [{ deviceId: 'usb-1' }] }, (id?: unknown) => chosen.push(id));
    expect(prevented).toBe(3);
    expect(chosen).toEqual([null, '', undefined]);
  });
});

describe('app:// instead of file:// (checklist 7, 18)', () => {
  const RENDERER = '/opt/isnad/build/renderer';

  it('registers app:// as a standard, secure scheme, without bypassing CSP', async () => {
    const { registerAppScheme } = await import('./app-protocol');
    registerAppScheme();
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with the CSP header on every response', async () => {
    serveAppScheme(RENDERER);
    const handler = recorded.protocolHandlers.get('app')!;
    const response = await handler(new Request('app://isnad/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(recorded.fetched).toEqual(['file:///opt/isnad/build/renderer/index.html']);
  });

  it.each([
    'app://isnad/%2e%2e/%2e%2e/etc/passwd',
    'app://isnad/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://isnad/%E0%A4%A',
    'app://isnad/assets/',
    'app://isnad/index.html%00.js',
    'app://evil/index.html',
    'app://isnad:1234/index.html',
  ])('answers 404 to %s without touching the disk', async (url) => {
    serveAppScheme(RENDERER);
    const response = await recorded.protocolHandlers.get('app')!(new Request(url));
    expect(response.status).toBe(404);
    expect(recorded.fetched).toEqual([]);
  });

  it('resolves only files inside the renderer folder', () => {
    expect(resolveRendererFile(RENDERER, '/')?.path).toBe('/opt/isnad/build/renderer/index.html');
    expect(resolveRendererFile(RENDERER, '/assets/index-abc.js')?.path).toBe('/opt/isnad/build/renderer/assets/index-abc.js');
    expect(resolveRendererFile(RENDERER, '/../renderer-evil/x.js')).toBeNull();
    expect(resolveRendererFile(RENDERER, '/%2e%2e%2frenderer-evil%2fx.js')).toBeNull();
  });

  it("index.html's own CSP says the same as the header (a meta tag cannot carry frame-ancestors)", () => {
    const html = readFileSync(join(ROOT, 'renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const directives = (policy: string) => new Set(policy.split(';').map((d) => d.trim()).filter((d) => d !== '' && !d.startsWith('frame-ancestors')));
    expect(directives(meta!)).toEqual(directives(CONTENT_SECURITY_POLICY));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });
});

describe('start-up order (main.ts)', () => {
  it('registers the scheme and the navigation lock before the app is ready, and denies permissions before the window exists', async () => {
    vi.resetModules();
    await import('./main');
    expect(recorded.order).toEqual(['registerSchemesAsPrivileged']);
    expect(recorded.appListeners.get('web-contents-created')).toHaveLength(1);
    electronMock.resolveReady();
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorded.order).toEqual([
      'registerSchemesAsPrivileged',
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      'setDevicePermissionHandler',
      'session.on select-hid-device',
      'session.on select-serial-port',
      'session.on select-usb-device',
      'protocol.handle app',
      'new BrowserWindow',
    ]);
    expect(recorded.ipcHandleCalls.sort()).toEqual([...CHANNEL_NAMES, DESKTOP_CHANNELS.saveFile].sort());
  });
});
