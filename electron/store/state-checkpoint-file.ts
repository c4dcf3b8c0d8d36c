import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GENESIS_HASH } from '../../shared/model/events';
import { checkpointHashInput, stateToJson, type StateCheckpoint } from '../../shared/model/state-checkpoint';
import type { WorkbenchState } from '../../shared/model/state';
import { STATE_FILE } from '../../shared/model/store-files';
import { sha256Hex } from '../crypto/sha256';
import { writeFileAtomic } from './atomic-json-file';
import { listSegments, readSegment } from './log-reader';

/** Saves the derived state, bound to the log head it was derived from and to the sealed segments' sizes. */
export async function writeStateCheckpoint(dataDir: string, state: WorkbenchState): Promise<void> {
  const segments = await listSegments(join(dataDir, 'log'));
  const sizes = await Promise.all(segments.map(async (segment) => ({ name: segment.name, bytes: (await stat(segment.path)).size })));
  const newest = segments.at(-1);
  const first = newest ? (await readSegment(newest, null)).entries[0]?.stored : undefined;
  // What the newest segment follows: for the old chain its first event says so; in the DAG it is
  // the last event of the segment before.
  const before = segments.at(-2);
  const follows = first?.prevHash ?? (before ? (await readSegment(before, newest!.firstSeq)).entries.at(-1)?.stored.hash : undefined) ?? GENESIS_HASH;
  const tail = newest && first ? { firstSeq: newest.firstSeq, prevHash: follows } : null;
  const stateJson = JSON.stringify(stateToJson(state));
  const stateHash = sha256Hex(checkpointHashInput(state.headSeq, state.headHash, stateJson));
  // Written by hand so the state's bytes are exactly the ones hashed.
  const text = `{"kind":"isnad-state","schemaVersion":2,"headSeq":${state.headSeq},"headHash":${JSON.stringify(state.headHash)},"segments":${JSON.stringify(sizes)},"tail":${JSON.stringify(tail)},"stateHash":"${stateHash}","state":${stateJson}}`;
  await writeFileAtomic(join(dataDir, STATE_FILE), text);
}

/** The saved state, or null when there is none or it does not match its own hash (it is then simply not used). */
export async function readStateCheckpoint(dataDir: string): Promise<StateCheckpoint | null> {
  let checkpoint: StateCheckpoint;
  let text: string;
  try {
    text = await readFile(join(dataDir, STATE_FILE), 'utf8');
    checkpoint = JSON.parse(text) as StateCheckpoint;
  } catch {
    return null;
  }
  if (checkpoint?.kind !== 'isnad-state' || checkpoint.schemaVersion !== 2 || typeof checkpoint.state !== 'object' || !Array.isArray(checkpoint.segments)) return null;
  // The state is the file's last member, written as hashed: hash those bytes rather than re-serialize.
  const at = text.indexOf(',"state":');
  if (at < 0 || !text.endsWith('}')) return null;
  const stateJson = text.slice(at + ',"state":'.length, -1);
  if (sha256Hex(checkpointHashInput(checkpoint.headSeq, checkpoint.headHash, stateJson)) !== checkpoint.stateHash) return null;
  if (checkpoint.headSeq > 0 && (checkpoint.tail === null || typeof checkpoint.tail?.firstSeq !== 'number' || checkpoint.tail.firstSeq > checkpoint.headSeq)) return null;
  if (checkpoint.state.headSeq !== checkpoint.headSeq || checkpoint.state.headHash !== checkpoint.headHash) return null;
  return checkpoint;
}
