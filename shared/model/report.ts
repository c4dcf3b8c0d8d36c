import { z } from 'zod';

/** ISO date (2024-12-01) or date-time (2024-12-01T09:30:00Z). */
/** A date that exists: `Date.parse` alone rolls 2024-02-30 over into March. */
function isCalendarDate(s: string): boolean {
  const [year, month, day] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !Number.isNaN(Date.parse(s));
}

/** A date as the log has always accepted it: stored events are read as leniently as they were written. */
export const storedIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'expected an ISO date such as 2024-12-01')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real calendar date');

/** A date an editor or a file gives now: it must exist. */
export const isoDate = storedIsoDate.refine(isCalendarDate, 'not a real calendar date');

export const httpUrl = z
  .string()
  .max(4096)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http or https URL');

/** What an editor tells Isnad about a report besides its text. */
export const reportMetaSchema = z.object({
  outlet: z.string().trim().min(1, 'outlet is required').max(200),
  title: z.string().trim().max(1000),
  publishedAt: isoDate.nullable(),
  /** BCP 47 tag: "ar", "en", "fr"… */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "ar" or "en"'),
  url: httpUrl.nullable(),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

/** Longest report text accepted, in UTF-16 code units (about 20 MB of Arabic in UTF-8). */
export const MAX_REPORT_CHARS = 10_000_000;

export const reportTextSchema = z
  .string()
  .min(1, 'the report text is empty')
  .max(MAX_REPORT_CHARS, `the report text is longer than ${MAX_REPORT_CHARS.toLocaleString('en')} characters`)
  .refine((s) => s.trim().length > 0, 'the report text is empty')
  .refine((s) => !s.includes('\u0000'), 'the report text contains NUL bytes: is it a binary file?');

/** A report as stored: metadata, the original text and its SHA-256 (hex of the UTF-8 bytes). */
export const reportSchema = reportMetaSchema.extend({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, 'report id must be lowercase letters, digits and dashes'),
  text: reportTextSchema,
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** When Isnad fetched the page, for a report imported from its URL; absent otherwise. */
  fetchedAt: z.string().datetime({ offset: true }).optional(),
});
export type Report = z.infer<typeof reportSchema>;

/**
 * A report file on disk (the fixtures, and `.json` files given to the CLI): the metadata, with the
 * text either inline or in a file beside it, and optionally its SHA-256 to check the text against.
 */
export const reportFileSchema = reportMetaSchema
  .extend({
    kind: z.literal('isnad-report'),
    schemaVersion: z.literal(1),
    id: reportSchema.shape.id,
    text: reportTextSchema.optional(),
    textFile: z.string().min(1).optional(),
    textSha256: reportSchema.shape.textSha256.optional(),
  })
  .refine((f) => (f.text === undefined) !== (f.textFile === undefined), {
    message: 'a report file needs exactly one of "text" and "textFile"',
  });
export type ReportFile = z.infer<typeof reportFileSchema>;

/** Arabic script in more than a third of the letters: the text reads right to left. */
export function isRightToLeft(text: string): boolean {
  const sample = text.slice(0, 4000);
  const rtl = sample.match(/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g)?.length ?? 0;
  const ltr = sample.match(/[A-Za-z\u00C0-\u024F\u0400-\u04FF]/g)?.length ?? 0;
  return rtl > 0 && rtl >= ltr / 2;
}

/** The language Isnad assumes for a pasted text when the editor says nothing. */
export function guessLanguage(text: string): string {
  return isRightToLeft(text) ? 'ar' : 'en';
}

/** A report inside a stored event: as `reportSchema`, but with the date as leniently as the log first took it. */
export const storedReportSchema = reportSchema.extend({ publishedAt: storedIsoDate.nullable() });
