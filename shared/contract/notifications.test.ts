import { describe, expect, it } from 'vitest';
import { notification, parseNotification } from './notifications';

describe('parseNotification', () => {
  it('takes the notifications of the contract, typed by their name', () => {
    expect(parseNotification(notification('menu:command', 'next-claim'))).toEqual({ name: 'menu:command', payload: 'next-claim' });
    const changed = notification('story:changed', { events: 2, editors: ['Casualties editor'], colleague: true });
    expect(parseNotification(JSON.parse(JSON.stringify(changed)))).toEqual(changed);
  });

  it('refuses anything else', () => {
    for (const bad of [null, 'next-claim', { name: 'menu:command', payload: 'format-disk' }, { name: 'shell:run', payload: 'x' }, { name: 'story:changed', payload: { events: -1, editors: [], colleague: false } }, { name: 'story:changed', payload: { events: 1, editors: [3], colleague: false } }]) {
      expect(parseNotification(bad)).toBeNull();
    }
  });
});
