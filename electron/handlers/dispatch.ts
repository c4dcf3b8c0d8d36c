import { channels, type ChannelName, type Reply } from '../../shared/contract/channels';
import { formatZodError } from '../../shared/model/format-error';
import { StoreReadOnlyError, StoreRoleError, StoreWriteError } from '../store/store';
import { HandlerError } from './handler-error';
import type { Handlers } from './handler-types';

export type Dispatch = (channel: string, input: unknown) => Promise<Reply<unknown>>;

function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

/**
 * The one door into the handlers, for IPC and HTTP alike: checks the channel, validates the input
 * against the contract at run time, and turns every outcome into a Reply. Invalid input never
 * reaches a handler, so it cannot change anything.
 */
export function createDispatch(handlers: Handlers, onUnexpected: (channel: string, error: unknown) => void = () => undefined): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return { ok: false, code: 'unknown-channel', error: `unknown call ${JSON.stringify(channel).slice(0, 80)}` };
    const parsed = channels[channel].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, code: 'invalid-input', error: `${channel}: ${formatZodError(parsed.error)}` };
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof HandlerError) return { ok: false, code: error.code, error: error.message };
      if (error instanceof StoreReadOnlyError) return { ok: false, code: 'read-only', error: error.message };
      if (error instanceof StoreRoleError) return { ok: false, code: 'not-permitted', error: error.message };
      if (error instanceof StoreWriteError) return { ok: false, code: 'write-failed', error: error.message };
      onUnexpected(channel, error);
      return { ok: false, code: 'internal', error: `${channel} failed: ${(error as Error).message ?? String(error)}` };
    }
  };
}
