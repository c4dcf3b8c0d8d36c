import { eventParents, type LogEvent } from './events';

/**
 * The log as a DAG: each event follows the heads its editor had seen. Every replica holds the same
 * set of events in its own order; the state is derived from them in one order every replica
 * agrees on: by depth (one more than the deepest parent, so parents always come first), then by
 * hash. Events of the old single chain are a DAG too, each with the one before it as its parent.
 */

export interface DagNode {
  /** Where this folder stores it. */
  seq: number;
  depth: number;
  parents: readonly string[];
}

export type Dag = Map<string, DagNode>;

/** An event's place in the agreed order. */
export interface OrderKey {
  depth: number;
  hash: string;
}

export function compareKeys(a: OrderKey, b: OrderKey): number {
  return a.depth - b.depth || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);
}

/**
 * One more than the deepest parent held. A parent that is not held (history lost in this folder)
 * counts as deep as the event's place here, so what follows lost history still comes after what
 * came before it.
 */
export function depthOf(dag: ReadonlyMap<string, DagNode>, parents: readonly string[], seq = 0): number {
  let depth = 0;
  for (const parent of parents) depth = Math.max(depth, dag.get(parent)?.depth ?? seq - 1);
  return depth + 1;
}

/** Adds an event whose parents are already in (or lost from) the DAG, and moves the heads past it. */
export function addToDag(dag: Dag, heads: Set<string>, event: Pick<LogEvent, 'seq' | 'hash' | 'prevHash' | 'parents'>): DagNode {
  const parents = eventParents(event);
  const node: DagNode = { seq: event.seq, depth: depthOf(dag, parents, event.seq), parents };
  dag.set(event.hash, node);
  for (const parent of parents) heads.delete(parent);
  heads.add(event.hash);
  return node;
}

/**
 * Whether `ancestor` is `of` or comes before it. Walks back from `of` and stops below the
 * ancestor's depth, so the walk covers only what lies between the two.
 */
export function isAncestor(dag: ReadonlyMap<string, DagNode>, ancestor: string, of: string): boolean {
  if (ancestor === of) return true;
  const target = dag.get(ancestor);
  const start = dag.get(of);
  if (!target || !start) return false;
  const seen = new Set<string>();
  const stack = [...start.parents];
  while (stack.length > 0) {
    const hash = stack.pop()!;
    if (hash === ancestor) return true;
    if (seen.has(hash)) continue;
    seen.add(hash);
    const node = dag.get(hash);
    if (!node || node.depth <= target.depth) continue;
    stack.push(...node.parents);
  }
  return false;
}

/**
 * Events in the agreed order. Their depths come from `known` (what is already applied) and from
 * each other, so a batch may arrive in any order as long as every parent is in it or known.
 */
export function agreedOrder<E extends Pick<LogEvent, 'hash' | 'prevHash' | 'parents'> & { seq?: number }>(events: readonly E[], known: ReadonlyMap<string, DagNode> = new Map()): { event: E; key: OrderKey }[] {
  const byHash = new Map(events.map((event) => [event.hash, event]));
  const depths = new Map<string, number>();
  const depth = (hash: string): number => {
    const fixed = depths.get(hash) ?? known.get(hash)?.depth;
    if (fixed !== undefined) return fixed;
    const event = byHash.get(hash);
    if (!event) return 0;
    // Iterative, so a long chain does not overflow the stack.
    const stack: string[] = [hash];
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const pending = eventParents(byHash.get(top)!).filter((p) => byHash.has(p) && !depths.has(p) && !known.has(p));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      stack.pop();
      const event = byHash.get(top)!;
      let d = 0;
      for (const p of eventParents(event)) d = Math.max(d, depths.get(p) ?? known.get(p)?.depth ?? (event.seq ?? 1) - 1);
      depths.set(top, d + 1);
    }
    return depths.get(hash)!;
  };
  return events.map((event) => ({ event, key: { depth: depth(event.hash), hash: event.hash } })).sort((a, b) => compareKeys(a.key, b.key));
}
