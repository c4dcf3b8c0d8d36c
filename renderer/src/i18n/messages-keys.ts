export type { MessageId } from './messages-en';
export type { MessageValues } from './use-t';
