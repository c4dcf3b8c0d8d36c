/**
 * An export the builders refuse, with a reason the editor can act on (set the organization, pick
 * another scope). `code` lets the handler, the CLI and tests tell refusals apart.
 */
export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}
