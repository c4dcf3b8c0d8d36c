import { useEffect, useState } from 'react';
import type { Verdict } from '../../../shared/model/verdict';
import { STATUS_BY_DIGIT } from './status-style';

export type ShortcutAction =
  | { kind: 'next' | 'previous' | 'partner' | 'group' | 'evidence' | 'search' | 'import' | 'export' | 'escape' | 'help' }
  | { kind: 'bounds'; action: 'split' | 'resize' | 'draw' | 'merge-next' }
  | { kind: 'status'; status: Verdict };

/**
 * Which shortcut a key press is. Letters and digits are matched by the physical key
 * (`event.code`), so they work the same on an Arabic layout, where the key under J types «ت»;
 * "/" and "?" by what they type first, since their place differs between layouts.
 */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>): ShortcutAction | null {
  const { key, code } = event;
  if (key === 'Escape') return { kind: 'escape' };
  if (key === 'ArrowDown') return { kind: 'next' };
  if (key === 'ArrowUp') return { kind: 'previous' };
  if (key === '?' || key === '؟' || (code === 'Slash' && event.shiftKey)) return { kind: 'help' };
  if (key === '/' || code === 'Slash') return { kind: 'search' };
  const digit = /^(?:Digit|Numpad)([1-6])$/.exec(code)?.[1] ?? (/^[1-6]$/.test(key) ? key : undefined);
  if (digit) return { kind: 'status', status: STATUS_BY_DIGIT[Number(digit) - 1]! };
  if (event.shiftKey) return null;
  const bounds: Record<string, 'split' | 'resize' | 'draw' | 'merge-next'> = { KeyS: 'split', KeyB: 'resize', KeyD: 'draw', KeyM: 'merge-next' };
  const boundsAction = bounds[code] ?? (code === '' ? bounds[`Key${key.toUpperCase()}`] : undefined);
  if (boundsAction) return { kind: 'bounds', action: boundsAction };
  const letters: Record<string, ShortcutAction['kind']> = { KeyJ: 'next', KeyK: 'previous', KeyP: 'partner', KeyG: 'group', KeyE: 'evidence', KeyI: 'import', KeyX: 'export' };
  const byCode = letters[code];
  if (byCode) return { kind: byCode } as ShortcutAction;
  // No physical key reported (some virtual keyboards): fall back on the Latin letter typed.
  const byKey = code === '' ? letters[`Key${key.toUpperCase()}`] : undefined;
  return byKey ? ({ kind: byKey } as ShortcutAction) : null;
}

/** Ctrl+Z (Cmd+Z on a Mac) by physical key, whatever the layout types there. */
export function isUndo(event: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && (event.code === 'KeyZ' || event.key === 'z');
}

/** Ctrl+F (Cmd+F): the browser mode's way to the menu's Find Claim. */
export function isFind(event: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && (event.code === 'KeyF' || event.key === 'f');
}

/** Keys typed into a field belong to the field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface KeyboardLayoutMap {
  get(code: string): string | undefined;
}

/**
 * The label of a physical key on the editor's layout (Chromium's Keyboard Map API), so the
 * help shows «ت» for J on an Arabic layout; the Latin letter where the browser does not say.
 */
export function useKeyLabel(): (code: string, fallback: string) => string {
  const [layout, setLayout] = useState<KeyboardLayoutMap | null>(null);
  useEffect(() => {
    const keyboard = (navigator as Navigator & { keyboard?: { getLayoutMap(): Promise<KeyboardLayoutMap> } }).keyboard;
    let live = true;
    keyboard
      ?.getLayoutMap()
      .then((map) => live && setLayout(map))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (code, fallback) => layout?.get(code) ?? fallback;
}
