import { useEffect, useRef } from 'react';
import type { MenuCommand } from '../../../shared/contract/desktop';

/**
 * Commands that reach the workbench from outside it: the desktop app's menu (through the
 * contract's `menu:command` notification, see api/notifications.ts), and in the browser mode the
 * same commands by keyboard.
 */
type Listener = (command: MenuCommand) => void;
const listeners = new Set<Listener>();

export function runCommand(command: MenuCommand): void {
  for (const listener of listeners) listener(command);
}

/** Subscribes for as long as the component is mounted; the handler may change between renders. */
export function useCommands(handler: Listener): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const listener: Listener = (command) => ref.current(command);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
}
