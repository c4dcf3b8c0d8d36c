import { contextBridge, ipcRenderer } from 'electron';
import type { ChannelInput, ChannelName, ChannelResult, IsnadApi, Reply } from '../../shared/contract/channels';
import type { DesktopApi, PreloadApi } from '../../shared/contract/desktop';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop-channels';
import { parseNotification } from '../../shared/contract/notifications';

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

/** Subscribes to main's notifications, passing on only those the contract allows, typed by their name. */
const onNotification: DesktopApi['onNotification'] = (listener) => {
  const handler = (_event: unknown, value: unknown) => {
    const notification = parseNotification(value);
    if (notification) listener(notification);
  };
  ipcRenderer.on(DESKTOP_CHANNELS.notification, handler);
  return () => ipcRenderer.removeListener(DESKTOP_CHANNELS.notification, handler);
};

const desktop = {
  saveFile: (input) => ipcRenderer.invoke(DESKTOP_CHANNELS.saveFile, input),
  onNotification,
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('isnad', { ...api, desktop } satisfies PreloadApi);
