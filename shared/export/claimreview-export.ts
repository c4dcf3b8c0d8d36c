import type { Verdict } from '../model/verdict';
import { VERDICT_LABELS } from '../model/verdict';
import { claimReviewProblems } from './claimreview-requirements';
import { ExportError } from './export-error';
import { isPlainHttpUrl } from '../contract/trusted-url';
import { scriptSafeJson } from './script-safe-json';
import { exportFileName } from './export-scope';
import type { ExportClaim, ExportFile, ExportModel } from './export-types';

/**
 * Verdict → ClaimReview rating, on the scale Google documents for fact checks (1 = false …
 * 5 = true; the nearer bestRating, the truer). `null` means no number: an unverifiable claim is
 * neither true nor false, and 3 on that scale reads "half true", which would misinform; its
 * textual rating says what it is. Unverified and in-progress claims have no verdict to publish.
 */
export const VERDICT_RATINGS: Partial<Record<Verdict, number | null>> = {
  false: 1,
  misleading: 2,
  unverifiable: null,
  verified: 5,
};
export const BEST_RATING = 5;
export const WORST_RATING = 1;

export function hasPublishableVerdict(verdict: Verdict): boolean {
  return Object.hasOwn(VERDICT_RATINGS, verdict);
}

export interface ClaimReviewRecord {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  reviewRating: { '@type': 'Rating'; alternateName: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed: {
    '@type': 'Claim';
    author: { '@type': 'Organization'; name: string };
    datePublished?: string;
    /** The language of the claim's words, which are the report's. */
    inLanguage: string;
    appearance?: { '@type': 'CreativeWork'; url: string; headline?: string }[];
  };
  author: { '@type': 'Organization'; name: string; url: string };
  datePublished: string;
  reviewBody?: string;
}

/** The organization that publishes the fact checks; without it a ClaimReview has no author or url. */
function organization(model: ExportModel): { name: string; url: string } {
  const name = model.settings.organizationName?.trim();
  const url = model.settings.organizationUrl?.trim();
  if (!name || !url) {
    throw new ExportError(
      'organization-required',
      'ClaimReview names your newsroom as the author of each fact check and needs the address where it is published: ' +
        `set ${[!name && 'the organization name', !url && 'the organization URL'].filter(Boolean).join(' and ')} in Settings first`,
    );
  }
  // Settings refuse such a URL now; one stored before that is refused here.
  if (!isPlainHttpUrl(url)) throw new ExportError('organization-required', `the organization URL in Settings (${JSON.stringify(url.slice(0, 200))}) must be a plain http or https address`);
  return { name, url };
}

/**
 * `url` must point at the page publishing the fact check (Google: same domain as the page carrying
 * the markup). Isnad does not publish, so it takes the organization URL from settings and adds a
 * fragment naming the claim, which keeps records on one page distinct.
 */
function reviewUrl(base: string, claimId: string): string {
  const withoutFragment = base.split('#')[0]!;
  return `${withoutFragment}#isnad-claim-${encodeURIComponent(claimId)}`;
}

export function toClaimReview(item: ExportClaim, org: { name: string; url: string }): ClaimReviewRecord | null {
  const { claim, report, status } = item;
  if (!status || !hasPublishableVerdict(status.status)) return null;
  const rating = VERDICT_RATINGS[status.status] ?? null;
  const record: ClaimReviewRecord = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: reviewUrl(org.url, claim.id),
    claimReviewed: claim.text,
    reviewRating: {
      '@type': 'Rating',
      alternateName: VERDICT_LABELS[status.status],
      ...(rating === null ? {} : { ratingValue: rating, bestRating: BEST_RATING, worstRating: WORST_RATING }),
    },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Organization', name: report.outlet },
      ...(report.publishedAt ? { datePublished: report.publishedAt } : {}),
      inLanguage: report.language,
      ...(report.url ? { appearance: [{ '@type': 'CreativeWork', url: report.url, ...(report.title ? { headline: report.title } : {}) }] } : {}),
    },
    author: { '@type': 'Organization', name: org.name, url: org.url },
    datePublished: status.at,
  };
  if (status.note) record.reviewBody = status.note;
  return record;
}

/** One ClaimReview per claim in scope with a verdict, as a JSON array of self-contained records. */
export function buildClaimReviewExport(model: ExportModel): ExportFile {
  const org = organization(model);
  const records = model.claims.map((item) => toClaimReview(item, org)).filter((r): r is ClaimReviewRecord => r !== null);
  // Search engines drop an invalid record silently; refusing here tells the editor instead.
  for (const record of records) {
    const problems = claimReviewProblems(record);
    if (problems.length > 0) throw new ExportError('invalid-claimreview', `the ClaimReview for “${record.claimReviewed.slice(0, 60)}” is not valid: ${problems.join('; ')}`);
  }
  return {
    fileName: exportFileName(model.scope, model.exportedAt, 'claimreview.jsonld'),
    mimeType: 'application/ld+json',
    // Meant to be pasted into <script type="application/ld+json">: nothing in it may end the block.
    content: `${scriptSafeJson(records, 2)}\n`,
  };
}
