import { z } from 'zod';
import { httpUrl } from './report';

export const EVIDENCE_KINDS = ['link', 'document', 'quote', 'note', 'contact'] as const;
export const EVIDENCE_KIND_LABELS: Record<(typeof EVIDENCE_KINDS)[number], string> = {
  link: 'Link',
  document: 'Document',
  quote: 'Quote',
  note: 'Note',
  contact: 'Person or source contacted',
};
export const STANCES = ['supports', 'refutes', 'context'] as const;

/** What an editor enters for one piece of evidence. */
export const evidenceInputSchema = z
  .object({
    kind: z.enum(EVIDENCE_KINDS),
    url: httpUrl.nullable(),
    quote: z.string().trim().max(20_000).nullable(),
    note: z.string().trim().max(20_000).nullable(),
    stance: z.enum(STANCES),
  })
  .refine((e) => e.url !== null || (e.quote ?? '') !== '' || (e.note ?? '') !== '', {
    message: 'evidence needs a URL, a quoted passage or a note',
  });
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

export interface Evidence extends EvidenceInput {
  id: string;
  claimId: string;
  editor: string;
  at: string;
  /** Set when an editor changed the item after adding it. */
  editedAt: string | null;
}
