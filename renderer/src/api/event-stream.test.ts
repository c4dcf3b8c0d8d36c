import { describe, expect, it } from 'vitest';
import { readEventStream } from './event-stream';

describe('readEventStream', () => {
  it('reads whole events, keeps a partial one for the next chunk, and skips comments', () => {
    const seen: [string, string][] = [];
    const rest = readEventStream(': open\n\nevent: story:changed\ndata: {"events":1}\n\nevent: menu:command\ndata: "fi', (name, data) => seen.push([name, data]));
    expect(seen).toEqual([['story:changed', '{"events":1}']]);
    expect(readEventStream(`${rest}nd"\n\n`, (name, data) => seen.push([name, data]))).toBe('');
    expect(seen.at(-1)).toEqual(['menu:command', '"find"']);
  });
});
