/**
 * The events of one text/event-stream chunk sequence: each `event:` name with its `data:` line.
 * Returns what is left of an event not yet complete.
 */
export function readEventStream(buffer: string, emit: (name: string, data: string) => void): string {
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) emit(name, data.join('\n'));
  }
  return rest;
}

