/** A refusal the editor can act on; `code` lets the UI and tests tell refusals apart. */
export class HandlerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}
