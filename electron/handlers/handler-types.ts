import type { ChannelName, ChannelResult, DeskStatus, ParsedInput } from '../../shared/contract/channels';
import type { IsnadStore } from '../store/store';
import type { ClaimCatalog } from './claim-catalog';

/** What every handler works with: the one store and the derived claims. */
export interface HandlerContext {
  store: IsnadStore;
  catalog: ClaimCatalog;
  /** Overrides the editor name from settings for this process (the CLI's --editor). */
  editor: string | null;
  /** The live link to a shared story, when the folder has a desk and this process runs one. */
  desk?: { readonly status: DeskStatus } | null;
}

/** One function per channel, taking input already validated against the contract. */
export type Handlers = { [C in ChannelName]: (input: ParsedInput<C>) => Promise<ChannelResult<C>> };
export type HandlerGroup<C extends ChannelName> = { [K in C]: Handlers[K] };
