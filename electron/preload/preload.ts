import { contextBridge, ipcRenderer } from 'electron';
import type { ChannelName, IsnadApi } from '../../shared/contract/channels';
import type { PreloadApi } from '../../shared/contract/desktop';
import { DESKTOP_CHANNELS, MENU_COMMANDS, type MenuCommand } from '../../shared/contract/desktop-channels';

/**
 * One named function per channel, nothing generic: the page never sees ipcRenderer, so a
 * compromised page can call only what the contract offers, and main validates even that.
 */
const invoke = (channel: ChannelName) => (input: unknown) => ipcRenderer.invoke(channel, input);

const api = {
  'app:load': invoke('app:load'),
  'reports:get': invoke('reports:get'),
  'reports:import': invoke('reports:import'),
  'reports:remove': invoke('reports:remove'),
  'compare:run': invoke('compare:run'),
  'claims:get': invoke('claims:get'),
  'claims:setStatus': invoke('claims:setStatus'),
  'evidence:add': invoke('evidence:add'),
  'evidence:update': invoke('evidence:update'),
  'evidence:remove': invoke('evidence:remove'),
  'settings:update': invoke('settings:update'),
  'log:verify': invoke('log:verify'),
  'export:build': invoke('export:build'),
} satisfies Record<ChannelName, unknown> as unknown as IsnadApi;

const desktop: PreloadApi['desktop'] = {
  saveFile: (input) => ipcRenderer.invoke(DESKTOP_CHANNELS.saveFile, input),
  onMenuCommand: (listener) => {
    const handler = (_event: unknown, command: unknown) => {
      if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
    };
    ipcRenderer.on(DESKTOP_CHANNELS.menuCommand, handler);
    return () => ipcRenderer.removeListener(DESKTOP_CHANNELS.menuCommand, handler);
  },
};

contextBridge.exposeInMainWorld('isnad', { ...api, desktop } satisfies PreloadApi);
