import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module, so the shell's code runs under plain Node in tests:
 * every call the shell makes is recorded for the test to inspect. Used as
 * `vi.mock('electron', async () => (await import('./testing/electron-mock')).electronMock)`.
 */

type Listener = (...args: unknown[]) => unknown;

export interface FakeWebContents {
  listeners: Map<string, Listener[]>;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
  sent: unknown[][];
  on(event: string, listener: Listener): FakeWebContents;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
  send(...args: unknown[]): void;
  /** Fires an event the way Electron would; returns whether a listener called preventDefault. */
  emit(event: string, ...args: unknown[]): boolean;
}

export function fakeWebContents(): FakeWebContents {
  const contents: FakeWebContents = {
    listeners: new Map(),
    windowOpenHandler: null,
    sent: [],
    on(event, listener) {
      contents.listeners.set(event, [...(contents.listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      contents.windowOpenHandler = handler;
    },
    send(...args) {
      contents.sent.push(args);
    },
    emit(event, ...args) {
      let prevented = false;
      const electronEvent = { preventDefault: () => void (prevented = true), ...(typeof args[0] === 'object' && args[0] !== null ? args[0] : {}) };
      for (const listener of contents.listeners.get(event) ?? []) listener(electronEvent, ...args);
      return prevented;
    },
  };
  return contents;
}

export const recorded = {
  windows: [] as { options: Record<string, unknown>; loadedUrls: string[]; webContents: FakeWebContents }[],
  ipcHandlers: new Map<string, Listener>(),
  ipcHandleCalls: [] as string[],
  appListeners: new Map<string, Listener[]>(),
  openedExternally: [] as string[],
  exposed: [] as { key: string; api: unknown }[],
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  fetched: [] as string[],
  order: [] as string[],
};

export function resetRecorded(): void {
  recorded.windows.length = 0;
  recorded.ipcHandlers.clear();
  recorded.ipcHandleCalls.length = 0;
  recorded.appListeners.clear();
  recorded.openedExternally.length = 0;
  recorded.exposed.length = 0;
  recorded.privilegedSchemes.length = 0;
  recorded.protocolHandlers.clear();
  recorded.fetched.length = 0;
  recorded.order.length = 0;
}

class BrowserWindow {
  readonly webContents = fakeWebContents();
  private readonly loaded: string[] = [];
  constructor(options: Record<string, unknown>) {
    recorded.order.push('new BrowserWindow');
    recorded.windows.push({ options, loadedUrls: this.loaded, webContents: this.webContents });
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  once(): void {}
  on(): void {}
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

const ipcRenderer = {
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
  sendSync: vi.fn(),
};

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (resolveReady = resolve));

export const electronMock = {
  BrowserWindow,
  app: {
    on: (event: string, listener: Listener) => {
      recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]);
    },
    whenReady: () => ready,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: () => '/nonexistent/isnad-user-data',
    getAppPath: () => '/nonexistent/isnad-app',
    /** The system's language: the menu speaks Arabic when it is Arabic. */
    getLocale: () => 'en-US',
    isPackaged: false,
  },
  ipcMain: {
    handle: (channel: string, listener: Listener) => {
      recorded.ipcHandleCalls.push(channel);
      recorded.ipcHandlers.set(channel, listener);
    },
  },
  ipcRenderer,
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.push({ key, api }),
  },
  shell: {
    openExternal: async (url: string) => {
      recorded.openedExternally.push(url);
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      recorded.order.push('registerSchemesAsPrivileged');
      recorded.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      recorded.order.push(`protocol.handle ${scheme}`);
      recorded.protocolHandlers.set(scheme, handler);
    },
  },
  net: {
    fetch: async (url: string) => {
      recorded.fetched.push(url);
      return new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => recorded.order.push('setPermissionRequestHandler'),
      setPermissionCheckHandler: () => recorded.order.push('setPermissionCheckHandler'),
      setDevicePermissionHandler: () => recorded.order.push('setDevicePermissionHandler'),
      on: (event: string) => recorded.order.push(`session.on ${event}`),
    },
  },
  dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn() },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
  /** For tests: lets app.whenReady() resolve. */
  resolveReady: () => resolveReady(),
};
