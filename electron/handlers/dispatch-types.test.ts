import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStorySession, type StorySession } from './story-test-kit';

let session: StorySession;
beforeAll(async () => {
  session = await startStorySession();
});
afterAll(() => session.remove());

describe('the typed dispatch', () => {
  it('gives each channel its own result type, with no cast at the call site', async () => {
    const reply = await session.context.call('app:load', {});
    if (!reply.ok) throw new Error(reply.error);
    // `reports` is known to be ReportSummary[]: `.replaces` type-checks.
    expect(reply.value.reports.map((r) => r.replaces)).toEqual([null, null]);
    const timeline = await session.context.call('reports:versions', { id: reply.value.reports[0]!.id });
    expect(timeline.ok && timeline.value.versions.length).toBe(1);
  });

  it('refuses at compile time what the run-time check would refuse', async () => {
    // @ts-expect-error: claims:link needs a relation
    const missing = await session.context.call('claims:link', { a: 'x:1-2', b: 'y:1-2', note: null });
    expect(missing).toMatchObject({ ok: false, code: 'invalid-input' });
    // @ts-expect-error: not a channel of the contract
    await session.context.call('claims:delete', {});
    const reply = await session.context.call('log:verify', {});
    // @ts-expect-error: log:verify answers a VerifyReport, which has no `reports`
    expect(reply.ok && reply.value.reports).toBeUndefined();
  });

  it('still checks names and inputs from outside the process at run time', async () => {
    expect(await session.context.dispatch('claims:delete', {})).toMatchObject({ ok: false, code: 'unknown-channel' });
    expect(await session.context.dispatch('reports:versions', { id: 7 })).toMatchObject({ ok: false, code: 'invalid-input' });
  });
});
