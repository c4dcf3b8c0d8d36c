/** The keyboard map, listed once: the handler and the help overlay both read it. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['j', '↓'], action: 'Next claim' },
  { keys: ['k', '↑'], action: 'Previous claim' },
  { keys: ['p'], action: 'Go to the partner claim in the other report' },
  { keys: ['1'], action: 'Mark unverified' },
  { keys: ['2'], action: 'Mark in progress' },
  { keys: ['3'], action: 'Mark verified' },
  { keys: ['4'], action: 'Mark false (asks for a note)' },
  { keys: ['5'], action: 'Mark misleading (asks for a note)' },
  { keys: ['6'], action: 'Mark unverifiable' },
  { keys: ['e'], action: 'Jump to the evidence form' },
  { keys: ['/'], action: 'Search claims' },
  { keys: ['i'], action: 'Import a report' },
  { keys: ['x'], action: 'Export the verification log' },
  { keys: ['Esc'], action: 'Close a dialog, or clear the selection' },
  { keys: ['?'], action: 'Show or hide this help' },
];

/** Keys typed into a field belong to the field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
