import { app, shell, type Session, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../../shared/contract/trusted-url';
import { isAppUrl } from './app-url';

/**
 * No page of ours needs the camera, notifications, geolocation, a USB, HID or serial device, or
 * anything else: deny all. Device access has its own handler, and a device picker that a page
 * manages to open is cancelled before anything is chosen.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

/**
 * The one way to the system browser. The URL is checked with a URL parser here, at the call, so no
 * caller can forget it: http(s) only, never file:, smb:, javascript: or an app's custom scheme.
 * The system gets the parser's own serialization, so it opens exactly the URL that was checked.
 */
export function openExternalSafely(url: unknown): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void shell.openExternal(new URL(url).href);
  return true;
}

/**
 * The window never navigates away from the app and never opens windows of its own. A link the
 * editor clicks (evidence, a report's URL) goes to the system browser, and only if it is http(s).
 */
export function lockNavigation(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame || !isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}
