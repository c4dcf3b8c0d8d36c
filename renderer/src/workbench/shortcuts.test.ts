import { describe, expect, it } from 'vitest';
import { isUndo, shortcutOf } from './shortcuts';

const press = (key: string, code: string, shiftKey = false) => shortcutOf({ key, code, shiftKey });

describe('shortcuts', () => {
  it('match letters by the physical key, so an Arabic layout works', () => {
    expect(press('ت', 'KeyJ')).toEqual({ kind: 'next' });
    expect(press('ن', 'KeyK')).toEqual({ kind: 'previous' });
    expect(press('ث', 'KeyE')).toEqual({ kind: 'evidence' });
    expect(press('j', 'KeyJ')).toEqual({ kind: 'next' });
    expect(press('ل', 'KeyG')).toEqual({ kind: 'group' });
    expect(press('س', 'KeyS')).toEqual({ kind: 'bounds', action: 'split' });
    expect(press('m', 'KeyM')).toEqual({ kind: 'bounds', action: 'merge-next' });
  });

  it('set a status with the digit keys, in either digit script', () => {
    expect(press('3', 'Digit3')).toEqual({ kind: 'status', status: 'verified' });
    expect(press('٤', 'Digit4')).toEqual({ kind: 'status', status: 'false' });
    expect(press('7', 'Digit7')).toBeNull();
  });

  it('read "?" and "/" by what they type, wherever the layout puts them', () => {
    expect(press('؟', 'Slash', true)).toEqual({ kind: 'help' });
    expect(press('?', 'Minus', true)).toEqual({ kind: 'help' });
    expect(press('/', 'Digit7', true)).toEqual({ kind: 'search' });
  });

  it('undo is Ctrl or Cmd with the key under Z', () => {
    expect(isUndo({ key: 'ئ', code: 'KeyZ', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false })).toBe(true);
    expect(isUndo({ key: 'z', code: 'KeyZ', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false })).toBe(false);
  });
});
