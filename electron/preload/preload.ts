import { contextBridge, ipcRenderer } from 'electron';
import type { ChannelInput, ChannelName, ChannelResult, IsnadApi, Reply } from '../../shared/contract/channels';
import type { DesktopApi, PreloadApi } from '../../shared/contract/desktop';
import { DESKTOP_CHANNELS, isMenuCommand, type DesktopEvents } from '../../shared/contract/desktop-channels';

/**
 * One named function per channel, nothing generic: the page never sees ipcRenderer, so a
 * compromised page can call only what the contract offers, and main validates even that.
 */
const invoke =
  <C extends ChannelName>(channel: C) =>
  (input: ChannelInput<C>): Promise<Reply<ChannelResult<C>>> =>
    ipcRenderer.invoke(channel, input);

const api = {
  'app:load': invoke('app:load'),
  'reports:get': invoke('reports:get'),
  'reports:import': invoke('reports:import'),
  'reports:importUrl': invoke('reports:importUrl'),
  'reports:versions': invoke('reports:versions'),
  'story:groups': invoke('story:groups'),
  'story:matrix': invoke('story:matrix'),
  'claims:group': invoke('claims:group'),
  'reports:remove': invoke('reports:remove'),
  'compare:run': invoke('compare:run'),
  'claims:get': invoke('claims:get'),
  'claims:setStatus': invoke('claims:setStatus'),
  'claims:setGroupStatus': invoke('claims:setGroupStatus'),
  'reports:claims': invoke('reports:claims'),
  'claims:split': invoke('claims:split'),
  'claims:merge': invoke('claims:merge'),
  'claims:draw': invoke('claims:draw'),
  'claims:resize': invoke('claims:resize'),
  'claims:link': invoke('claims:link'),
  'claims:unlink': invoke('claims:unlink'),
  'evidence:add': invoke('evidence:add'),
  'evidence:update': invoke('evidence:update'),
  'evidence:remove': invoke('evidence:remove'),
  'settings:update': invoke('settings:update'),
  'log:verify': invoke('log:verify'),
  'log:activity': invoke('log:activity'),
  'desk:status': invoke('desk:status'),
  'export:build': invoke('export:build'),
} satisfies IsnadApi;

/** Subscribes to one event from main, passing on only payloads the contract allows. */
function on<E extends keyof DesktopEvents>(event: E, accept: (value: unknown) => value is DesktopEvents[E], listener: (payload: DesktopEvents[E]) => void): () => void {
  const handler = (_event: unknown, payload: unknown) => {
    if (accept(payload)) listener(payload);
  };
  ipcRenderer.on(event, handler);
  return () => ipcRenderer.removeListener(event, handler);
}

const desktop = {
  saveFile: (input) => ipcRenderer.invoke(DESKTOP_CHANNELS.saveFile, input),
  onMenuCommand: (listener) => on(DESKTOP_CHANNELS.menuCommand, isMenuCommand, listener),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('isnad', { ...api, desktop } satisfies PreloadApi);
