import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agreedOrder, isAncestor } from './event-dag';
import { eventHashInput, type LogEvent } from './events';
import { deriveState, statusOf } from './state';
import type { Verdict } from './verdict';
import { replicaStateText } from './replica-state';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const selector = { type: 'TextQuoteSelector' as const, exact: 'x', prefix: '', suffix: '' };
const CLAIM = 'report-a:0-10';

/** A version 3 event (unsigned: the derivation does not look at signatures, the checks do). */
function event(editor: string, parents: LogEvent[], body: Pick<LogEvent, 'type' | 'payload'>, seq = 0): LogEvent {
  const unsigned = { v: 3, id: `${editor}-${Math.random()}`, seq, at: '2024-12-01T10:00:00.000Z', editor, key: 'k'.repeat(64), ...body, parents: parents.map((p) => p.hash).sort() };
  return { ...unsigned, hash: sha256(eventHashInput(unsigned)) } as LogEvent;
}
const status = (to: Verdict, note: string | null = null) =>
  ({ type: 'claim.statusChanged', payload: { claimId: CLAIM, reportId: 'report-a', from: 'unverified', to, note, selector } }) as Pick<LogEvent, 'type' | 'payload'>;
const evidence = (id: string) => ({ type: 'evidence.added', payload: { claimId: CLAIM, evidenceId: id, evidence: { kind: 'note', stance: 'supports', url: null, quote: null, note: id } } }) as Pick<LogEvent, 'type' | 'payload'>;

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('the DAG', () => {
  const root = event('Desk editor', [], { type: 'settings.changed', payload: { changes: { organizationName: 'Desk' } } });
  const a = event('Casualties editor', [root], status('false', 'The ministry denied it'));
  const b = event('Statements editor', [root], status('verified', 'Two sources agree'));
  const evA = event('Casualties editor', [a], evidence('from-casualties'));
  const evB = event('Statements editor', [b], evidence('from-statements'));

  it('orders parents first, the same way whatever order the events come in', () => {
    const all = [root, a, b, evA, evB];
    const order = agreedOrder(all).map(({ event }) => event.hash);
    for (let seed = 1; seed < 20; seed++) expect(agreedOrder(shuffled(all, seed)).map(({ event }) => event.hash)).toEqual(order);
    expect(order[0]).toBe(root.hash);
    expect(order.indexOf(a.hash)).toBeLessThan(order.indexOf(evA.hash));
  });

  it('derives the same state from the same events stored in any order', () => {
    const all = [root, a, b, evA, evB];
    const reference = replicaStateText(deriveState(all));
    for (let seed = 1; seed < 20; seed++) {
      // Seq is where a folder stores an event: it differs between replicas and must not matter.
      const stored = shuffled(all, seed);
      const state = deriveState(agreedOrder(stored).map(({ event }, i) => ({ ...event, seq: i + 1 }) as LogEvent));
      expect(replicaStateText(state)).toBe(reference);
    }
  });

  it('tells an ancestor from a concurrent event', () => {
    const state = deriveState([root, a, b, evA, evB]);
    expect(isAncestor(state.dag, root.hash, evB.hash)).toBe(true);
    expect(isAncestor(state.dag, a.hash, evB.hash)).toBe(false);
    expect(isAncestor(state.dag, b.hash, a.hash)).toBe(false);
    expect([...state.heads].sort()).toEqual([evA.hash, evB.hash].sort());
  });

  it('shows concurrent verdicts as a conflict, with both editors and notes, and keeps the evidence of both', () => {
    const state = deriveState([root, a, b, evA, evB]);
    const claim = state.statuses.get(CLAIM)!;
    expect(claim.conflict?.map(({ status, editor, note }) => ({ status, editor, note })).sort((x, y) => x.editor.localeCompare(y.editor))).toEqual([
      { status: 'false', editor: 'Casualties editor', note: 'The ministry denied it' },
      { status: 'verified', editor: 'Statements editor', note: 'Two sources agree' },
    ]);
    expect(state.evidence.get(CLAIM)?.map((item) => item.id).sort()).toEqual(['from-casualties', 'from-statements']);
  });

  it('a decision made having seen both verdicts resolves the conflict; one that saw only its own does not', () => {
    const blind = event('Casualties editor', [evA], status('misleading', 'Partly true'));
    expect(deriveState([root, a, b, evA, evB, blind]).statuses.get(CLAIM)?.conflict).toHaveLength(2);
    const resolution = event('Desk editor', [evA, evB], status('false', 'The ministry denied it; the second source quoted the first'));
    const state = deriveState([root, a, b, evA, evB, resolution]);
    expect(state.statuses.get(CLAIM)).toMatchObject({ status: 'false', editor: 'Desk editor' });
    expect(state.statuses.get(CLAIM)?.conflict).toBeUndefined();
    expect(statusOf(state, CLAIM)).toBe('false');
  });

  it('two editors agreeing concurrently is no conflict', () => {
    const c = event('Statements editor', [root], status('false', 'Denied'));
    expect(deriveState([root, a, c]).statuses.get(CLAIM)?.conflict).toBeUndefined();
  });
});
