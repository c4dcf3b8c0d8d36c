import { channels, type ChannelInput, type ChannelName, type ChannelResult, type ParsedInput, type Reply } from '../../shared/contract/channels';
import { formatZodError } from '../../shared/model/format-error';
import { StoreReadOnlyError, StoreRoleError, StoreWriteError } from '../store/store';
import { HandlerError } from './handler-error';
import type { Handlers } from './handler-types';

/** A call from outside the process (IPC, HTTP): the name and the input are checked at run time. */
export type Dispatch = (channel: string, input: unknown) => Promise<Reply<unknown>>;

/**
 * A call named in code (the CLI, tests, benches): the channel's name picks its input type and its
 * result type, so no caller casts what comes back.
 */
export type TypedDispatch = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<Reply<ChannelResult<C>>>;

function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

export interface Dispatcher {
  dispatch: Dispatch;
  call: TypedDispatch;
}

/**
 * The one door into the handlers, for IPC, HTTP and the CLI alike: checks the channel, validates
 * the input against the contract at run time, and turns every outcome into a Reply. Invalid input
 * never reaches a handler, so it cannot change anything.
 */
export function createDispatcher(handlers: Handlers, onUnexpected: (channel: string, error: unknown) => void = () => undefined): Dispatcher {
  async function run<C extends ChannelName>(channel: C, input: unknown): Promise<Reply<ChannelResult<C>>> {
    const parsed = channels[channel].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, code: 'invalid-input', error: `${channel}: ${formatZodError(parsed.error)}` };
    try {
      const handler: Handlers[C] = handlers[channel];
      // The schema of channel C has just accepted the input: it is C's parsed input.
      return { ok: true, value: await handler(parsed.data as ParsedInput<C>) };
    } catch (error) {
      if (error instanceof HandlerError) return { ok: false, code: error.code, error: error.message };
      if (error instanceof StoreReadOnlyError) return { ok: false, code: 'read-only', error: error.message };
      if (error instanceof StoreRoleError) return { ok: false, code: 'not-permitted', error: error.message };
      if (error instanceof StoreWriteError) return { ok: false, code: 'write-failed', error: error.message };
      onUnexpected(channel, error);
      return { ok: false, code: 'internal', error: `${channel} failed: ${(error as Error).message ?? String(error)}` };
    }
  }
  const unknown = (channel: string): Reply<never> => ({ ok: false, code: 'unknown-channel', error: `unknown call ${JSON.stringify(channel).slice(0, 80)}` });
  return {
    dispatch: async (channel, input) => (isChannel(channel) ? run(channel, input) : unknown(channel)),
    // Typed, and still checked: a name can arrive from JavaScript that the types never saw.
    call: async (channel, input) => (isChannel(channel) ? run(channel, input) : unknown(channel)),
  };
}
