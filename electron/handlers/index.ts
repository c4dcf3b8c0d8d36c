import { activityHandlers } from './activity-handlers';
import { appHandlers } from './app-handlers';
import { claimEditHandlers } from './claim-edit-handlers';
import { claimHandlers } from './claim-handlers';
import { deskHandlers } from './desk-handlers';
import { exportHandlers } from './export-handlers';
import type { HandlerContext, Handlers } from './handler-types';
import { reportHandlers } from './report-handlers';

export function createHandlers(context: HandlerContext): Handlers {
  return { ...appHandlers(context), ...reportHandlers(context), ...claimHandlers(context), ...claimEditHandlers(context), ...exportHandlers(context), ...activityHandlers(context), ...deskHandlers(context) };
}
