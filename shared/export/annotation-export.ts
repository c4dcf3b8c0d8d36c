import type { Evidence } from '../model/evidence';
import { VERDICT_LABELS } from '../model/verdict';
import { codePointOffsets } from './code-points';
import { hasDecision } from './export-model';
import { exportFileName, scopeSlug } from './export-scope';
import type { ExportClaim, ExportFile, ExportModel } from './export-types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Body =
  | { type: 'TextualBody'; purpose: 'assessing' | 'commenting'; value: string; format: 'text/plain'; language?: string }
  | { type: 'SpecificResource'; purpose: 'linking'; source: string };

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string | string[];
  created?: string;
  modified?: string;
  creator?: { type: 'Person'; name: string }[];
  generator: { type: 'Software'; name: string };
  generated: string;
  body: Body[];
  target: {
    type: 'SpecificResource';
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

/**
 * The resource an annotation targets: the report's own URL, or a name derived from the SHA-256 of
 * its text when it came from a file or a paste. Either way the selectors count characters in the
 * text as Isnad stores it (the normalized text the Web Annotation model asks for).
 */
export function annotationSource(report: { url: string | null; textSha256: string }): string {
  return report.url ?? `urn:sha256:${report.textSha256}`;
}

function evidenceBodies(item: Evidence): Body[] {
  const bodies: Body[] = [];
  if (item.url) bodies.push({ type: 'SpecificResource', purpose: 'linking', source: item.url });
  const words = [item.quote ? `“${item.quote}”` : null, item.note].filter((w): w is string => !!w);
  if (words.length > 0 || !item.url) {
    bodies.push({ type: 'TextualBody', purpose: 'commenting', value: `${item.kind}, ${item.stance}: ${words.join(' — ')}`, format: 'text/plain' });
  }
  return bodies;
}

export function toAnnotation(item: ExportClaim, toCodePoint: (offset: number) => number, generated: string): WebAnnotation {
  const { claim, report, status } = item;
  const body: Body[] = [];
  if (status) {
    body.push({ type: 'TextualBody', purpose: 'assessing', value: VERDICT_LABELS[status.status], format: 'text/plain', language: 'en' });
    if (status.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: status.note, format: 'text/plain' });
  }
  for (const evidence of item.evidence) body.push(...evidenceBodies(evidence));
  const motivations = [...(status ? ['assessing'] : []), ...(item.evidence.some((e) => e.url) ? ['linking'] : []), ...(body.some((b) => b.purpose === 'commenting') ? ['commenting'] : [])];
  return {
    // Named by the text's hash and the span, so the same claim gets the same id in every export.
    id: `urn:isnad:annotation:${report.textSha256}:${claim.start}-${claim.end}`,
    type: 'Annotation',
    motivation: motivations.length === 1 ? motivations[0]! : motivations,
    ...(item.firstChange ? { created: item.firstChange.at } : {}),
    ...(item.lastChange ? { modified: item.lastChange.at } : {}),
    ...(item.editors.length > 0 ? { creator: item.editors.map((name) => ({ type: 'Person' as const, name })) } : {}),
    generator: { type: 'Software', name: 'Isnad' },
    generated,
    body,
    target: {
      type: 'SpecificResource',
      source: annotationSource(report),
      selector: [
        { type: 'TextQuoteSelector', exact: claim.selector.exact, prefix: claim.selector.prefix, suffix: claim.selector.suffix },
        { type: 'TextPositionSelector', start: toCodePoint(claim.start), end: toCodePoint(claim.end) },
      ],
    },
  };
}

/**
 * One annotation per claim an editor acted on (a status other than unverified, or evidence), in an
 * AnnotationCollection whose single page holds them all.
 */
export function buildAnnotationExport(model: ExportModel): ExportFile {
  const converters = new Map<string, (offset: number) => number>();
  const items = model.claims.filter(hasDecision).map((item) => {
    let convert = converters.get(item.report.id);
    if (!convert) {
      convert = codePointOffsets(item.report.text);
      converters.set(item.report.id, convert);
    }
    return toAnnotation(item, convert, model.exportedAt);
  });
  const id = `urn:isnad:export:${model.headHash}:${scopeSlug(model.scope)}`;
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: model.settings.organizationName ? `Verification annotations by ${model.settings.organizationName}` : 'Isnad verification annotations',
    total: items.length,
    first: { id: `${id}:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return {
    fileName: exportFileName(model.scope, model.exportedAt, 'annotations.jsonld'),
    // The media type the Web Annotation Protocol registers for this serialization.
    mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    content: `${JSON.stringify(collection, null, 2)}\n`,
  };
}
