import { Parser } from 'htmlparser2';
import { isoDate } from '../../shared/model/report';

/** Meta tags that name when an article was published, most specific first. */
const META_NAMES = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'publish-date',
  'publish_date',
  'pubdate',
  'dc.date.issued',
  'dcterms.created',
  'date',
] as const;

/** JSON-LD blocks longer than this are not read (no article's metadata is near it). */
const MAX_JSON_LD_CHARS = 200_000;
/** How deep into a JSON-LD value `datePublished` is looked for. */
const MAX_JSON_LD_DEPTH = 8;

/** A page's date as Isnad stores it: an ISO date or date-time that exists, else null. */
export function normalizePageDate(value: string): string | null {
  const text = value.trim();
  if (isoDate.safeParse(text).success) return text;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  return isoDate.safeParse(iso).success ? iso : null;
}

function datePublishedIn(value: unknown, depth: number): string | null {
  if (depth > MAX_JSON_LD_DEPTH || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = datePublishedIn(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return record.datePublished;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const found = datePublishedIn(record[key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * The publication date a page gives itself: JSON-LD `datePublished` first (what news sites write
 * for search engines), then the meta tags above, then a `<time pubdate>` or the first
 * `<time itemprop="datePublished">`. One tokenizer pass, no tree; nothing in the page is run.
 */
export function publicationDateOf(html: string): string | null {
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  let script: string[] | null = null;
  let timeDate: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'meta') {
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
          if (key && attribs.content && !meta.has(key)) meta.set(key, attribs.content);
        } else if (name === 'script' && (attribs.type ?? '').toLowerCase().startsWith('application/ld+json')) {
          script = [];
        } else if (name === 'time' && timeDate === null && attribs.datetime && ('pubdate' in attribs || attribs.itemprop === 'datePublished')) {
          timeDate = attribs.datetime;
        }
      },
      ontext(text) {
        script?.push(text);
      },
      onclosetag(name) {
        if (name === 'script' && script !== null) {
          jsonLd.push(script.join(''));
          script = null;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);

  for (const block of jsonLd) {
    if (block.length > MAX_JSON_LD_CHARS) continue;
    try {
      const found = datePublishedIn(JSON.parse(block), 0);
      const date = found && normalizePageDate(found);
      if (date) return date;
    } catch {
      // A broken JSON-LD block says nothing; the meta tags may.
    }
  }
  for (const name of META_NAMES) {
    const value = meta.get(name);
    const date = value && normalizePageDate(value);
    if (date) return date;
  }
  return timeDate ? normalizePageDate(timeDate) : null;
}

/** The site's own name for itself (`og:site_name`), for the outlet when the editor gives none. */
export function siteNameOf(html: string): string | null {
  let found: string | null = null;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (found === null && name === 'meta' && (attribs.property ?? attribs.name) === 'og:site_name' && attribs.content?.trim()) found = attribs.content.trim().slice(0, 200);
    },
  });
  parser.end(html);
  return found;
}
