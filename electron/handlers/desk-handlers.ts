import type { HandlerContext, HandlerGroup } from './handler-types';

export function deskHandlers(context: HandlerContext): HandlerGroup<'desk:status'> {
  return {
    // A copy: the link goes on changing its own.
    'desk:status': async () => ({ desk: context.desk ? { ...context.desk.status, refused: [...context.desk.status.refused] } : null }),
  };
}
