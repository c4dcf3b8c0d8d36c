import type { z } from 'zod';

/** One readable line from a validation failure: `outlet: outlet is required; url: must be …`. */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
