import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChannelInput, ChannelName, ChannelResult, ComparisonView, Reply } from '../../shared/contract/channels';
import { openAppContext, type AppContext } from '../app-context';

export const SAMPLES = resolve(__dirname, '../../fixtures/reports');
export const STORY = resolve(__dirname, '../../fixtures/story');
export const ALHURRA = 'alhurra-2024-12-01-aleppo';
export const ALJAZEERA = 'aljazeera-mubasher-2024-12-02-aleppo';
/** The prison sentence of the sample Al Jazeera report, as it starts. */
export const PRISON = 'أظهرت لقطات مصوّرة، صباح اليوم الاثنين';

/** A data folder with the two sample reports and a named editor, for the tests of stories. */
export interface StorySession {
  dataDir: string;
  context: AppContext;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>>;
  reply(channel: string, input: unknown): Promise<Reply<unknown>>;
  claimOf(view: ComparisonView, reportId: string, startsWith: string): string;
  reopen(): Promise<void>;
  remove(): Promise<void>;
  /** Imports one of fixtures/story/ as plain text. */
  importStory(file: string, options: { outlet: string | null; replaces: string | null; publishedAt?: string | null }): Promise<ChannelResult<'reports:import'>>;
}

export async function startStorySession(editor = 'Casualties editor'): Promise<StorySession> {
  const dataDir = await mkdtemp(join(tmpdir(), 'isnad-story-'));
  let context = await openAppContext({ dataDir, sampleReportsDir: SAMPLES, editor });
  const session: StorySession = {
    dataDir,
    get context() {
      return context;
    },
    reply: (channel, input) => context.dispatch(channel, input),
    async call(channel, input) {
      const reply = await context.call(channel, input);
      if (!reply.ok) throw new Error(`${channel} failed: ${reply.code}: ${reply.error}`);
      return reply.value;
    },
    claimOf(view, reportId, startsWith) {
      const parsed = view.a.report.id === reportId ? view.a : view.b;
      const claim = parsed.claims.find((c) => c.text.startsWith(startsWith));
      if (!claim) throw new Error(`no claim of ${reportId} starts with ${startsWith}`);
      return claim.id;
    },
    async reopen() {
      await context.close();
      context = await openAppContext({ dataDir, sampleReportsDir: SAMPLES, editor });
    },
    async remove() {
      await context.close();
      await rm(dataDir, { recursive: true, force: true });
    },
    async importStory(file, { outlet, replaces, publishedAt = null }) {
      const content = await readFile(join(STORY, file), 'utf8');
      return session.call('reports:import', { content, format: 'text', fileName: file, outlet, title: null, publishedAt, url: null, language: null, replaces });
    },
  };
  return session;
}
