import { app, shell, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, isSafeExternalUrl } from '../../shared/contract/trusted-url';

/** No page of ours needs the camera, notifications, geolocation or anything else: deny all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * The window never navigates away from the app and never opens windows of its own. A link the
 * editor clicks (evidence, a report's URL) goes to the system browser, and only if it is http(s).
 */
export function lockNavigation(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
