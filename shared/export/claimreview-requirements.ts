/**
 * Google's field requirements for fact-check markup (Search Central, "Fact check (ClaimReview)
 * structured data"), as a checker over parsed JSON: required are claimReviewed, reviewRating with
 * alternateName, and url; author and itemReviewed are recommended, and Isnad always gives them, so
 * they are checked too. Used on every record the builder makes and by the tests on files read back.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const isDate = (value: unknown): boolean => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));

function agentProblems(agent: unknown, path: string, types: readonly string[]): string[] {
  if (!isObject(agent)) return [`${path} is missing`];
  const problems: string[] = [];
  if (!types.includes(agent['@type'] as string)) problems.push(`${path}.@type must be ${types.join(' or ')}`);
  if (!isText(agent['name'])) problems.push(`${path}.name is missing`);
  if (agent['url'] !== undefined && !isHttpUrl(agent['url'])) problems.push(`${path}.url must be an http(s) URL`);
  return problems;
}

function ratingProblems(rating: unknown): string[] {
  if (!isObject(rating)) return ['reviewRating is missing (required)'];
  const problems: string[] = [];
  if (rating['@type'] !== 'Rating') problems.push('reviewRating.@type must be Rating');
  if (!isText(rating['alternateName'])) problems.push('reviewRating.alternateName is missing (required)');
  const numbers = ['ratingValue', 'bestRating', 'worstRating'].map((key) => rating[key]);
  const given = numbers.filter((n) => n !== undefined);
  if (given.length === 0) return problems;
  if (given.length !== 3 || !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return [...problems, 'reviewRating: ratingValue, bestRating and worstRating go together, as numbers'];
  }
  const [value, best, worst] = numbers as [number, number, number];
  if (best <= worst) problems.push('reviewRating.bestRating must be above worstRating');
  if (value < worst || value > best) problems.push('reviewRating.ratingValue must lie between worstRating and bestRating');
  return problems;
}

function claimProblems(claim: unknown): string[] {
  if (!isObject(claim)) return ['itemReviewed is missing (recommended)'];
  const problems: string[] = [];
  if (claim['@type'] !== 'Claim') problems.push('itemReviewed.@type must be Claim');
  problems.push(...agentProblems(claim['author'], 'itemReviewed.author', ['Organization', 'Person']));
  if (claim['datePublished'] !== undefined && !isDate(claim['datePublished'])) problems.push('itemReviewed.datePublished must be an ISO date');
  if (claim['appearance'] !== undefined) {
    const appearances = Array.isArray(claim['appearance']) ? claim['appearance'] : [claim['appearance']];
    if (appearances.length === 0) problems.push('itemReviewed.appearance is empty: omit it instead');
    for (const appearance of appearances) {
      const url = isObject(appearance) ? appearance['url'] : appearance;
      if (!isHttpUrl(url)) problems.push('itemReviewed.appearance needs http(s) URLs');
    }
  }
  return problems;
}

/** Everything wrong with one ClaimReview record; an empty list means it meets the requirements. */
export function claimReviewProblems(record: unknown): string[] {
  if (!isObject(record)) return ['not a JSON object'];
  const problems: string[] = [];
  if (record['@context'] !== 'https://schema.org') problems.push('@context must be https://schema.org');
  if (record['@type'] !== 'ClaimReview') problems.push('@type must be ClaimReview');
  if (!isText(record['claimReviewed'])) problems.push('claimReviewed is missing (required)');
  if (!isHttpUrl(record['url'])) problems.push('url is missing or not an http(s) URL (required)');
  problems.push(...ratingProblems(record['reviewRating']));
  problems.push(...agentProblems(record['author'], 'author', ['Organization', 'Person']));
  problems.push(...claimProblems(record['itemReviewed']));
  if (record['datePublished'] !== undefined && !isDate(record['datePublished'])) problems.push('datePublished must be an ISO date');
  return problems;
}
