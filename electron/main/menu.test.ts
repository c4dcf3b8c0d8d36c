import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../shared/contract/desktop-channels';
import { parseNotification, type Notification } from '../../shared/contract/notifications';

vi.mock('electron', async () => (await import('./testing/electron-mock')).electronMock);

/** Every item of a menu template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

async function installWithLocale(locale: string) {
  const electron = (await import('./testing/electron-mock')).electronMock as unknown as {
    app: { getLocale: () => string };
    Menu: { buildFromTemplate: ReturnType<typeof vi.fn> };
  };
  electron.app.getLocale = () => locale;
  electron.Menu.buildFromTemplate.mockClear();
  const sent: Notification[] = [];
  const { installMenu } = await import('./menu');
  installMenu((notification) => sent.push(notification), false);
  const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[];
  return { template, sent };
}

describe('the application menu', () => {
  it('sends every menu command the renderer handles, as the contract’s typed event, and nothing else', async () => {
    const { template, sent } = await installWithLocale('en-GB');
    for (const item of items(template)) (item.click as (() => void) | undefined)?.();
    // Each a notification of the contract, as the preload accepts it.
    expect(sent.every((notification) => notification.name === 'menu:command' && parseNotification(JSON.parse(JSON.stringify(notification))) !== null)).toBe(true);
    expect(sent.map((notification) => notification.payload).sort()).toEqual([...MENU_COMMANDS].sort());
    const labels = items(template).map((i) => i.label);
    expect(labels).toContain('Find Claim');
    // Undo is the renderer's (the editor's last decision, or typing in a field), with its key.
    expect(items(template).find((i) => i.label === 'Undo')?.accelerator).toBe('CmdOrCtrl+Z');
  });

  it('speaks Arabic when the system does', async () => {
    const { template } = await installWithLocale('ar-SY');
    const labels = items(template).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['الادعاءات', 'الادعاء التالي', 'البحث عن ادعاء', 'تراجع']));
  });
});
