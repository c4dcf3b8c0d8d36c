import { buildAnnotationExport } from './annotation-export';
import { buildClaimReviewExport } from './claimreview-export';
import { buildCsvExport } from './csv-export';
import { buildExportModel } from './export-model';
import type { ExportFile, ExportFormat, ExportInput, ExportModel } from './export-types';
import { buildJsonExport } from './json-export';
import { buildMarkdownExport } from './markdown-export';

const BUILDERS: Record<ExportFormat, (model: ExportModel) => ExportFile> = {
  json: buildJsonExport,
  csv: buildCsvExport,
  md: buildMarkdownExport,
  claimreview: buildClaimReviewExport,
  annotations: buildAnnotationExport,
};

/** Builds one export file. Pure: the same input gives the same bytes, in Node and in the browser. */
export function buildExport(format: ExportFormat, input: ExportInput): ExportFile {
  return BUILDERS[format](buildExportModel(input));
}
