/**
 * Types of the claim engine. The engine is pure: it runs in Node, in the browser and in tests,
 * and imports nothing platform-specific.
 */

/** The input the engine needs about a report. `text` is the original, byte-for-byte text. */
export interface ReportText {
  id: string;
  outlet: string;
  /** Title from the report's metadata; the engine may find a headline in the text too. */
  title: string;
  text: string;
  /** ISO date (YYYY-MM-DD) or date-time of publication, when known. Used to check weekdays. */
  publishedAt: string | null;
  /** BCP 47 language tag, e.g. "ar" or "en". */
  language: string;
}

/** W3C Web Annotation TextQuoteSelector: re-anchors a claim in an updated version of a text. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Why a part of the text is not the report's own claims. */
export type ExcludedReason =
  | 'embedded-post'
  | 'read-also'
  | 'related-links'
  | 'source-line'
  | 'advertisement'
  | 'duplicate';

/**
 * A part of the report's text, in order. Blocks cover the paragraphs of the text
 * (blank lines between them are not blocks). Offsets are UTF-16 code units into `text`.
 */
export type Block =
  | { kind: 'headline'; start: number; end: number }
  | { kind: 'heading'; start: number; end: number }
  | { kind: 'paragraph'; start: number; end: number }
  | { kind: 'excluded'; start: number; end: number; reason: ExcludedReason };

/** One checkable statement of a report. `text === report.text.slice(start, end)`. */
export interface Claim {
  /** `${reportId}:${start}-${end}`: stable as long as the text and the splitting are. */
  id: string;
  reportId: string;
  text: string;
  start: number;
  end: number;
  /** Text of the nearest heading above the claim, if any. */
  section: string | null;
  selector: TextQuoteSelector;
}

export interface ParsedReport {
  report: ReportText;
  /** The headline found in the text, else the metadata title. */
  title: string;
  /** Outlet named by a «المصدر: …» / "Source: …" line, if any. */
  sourceLine: string | null;
  blocks: Block[];
  claims: Claim[];
}

export type MatchRelation = 'same' | 'related';

export type DifferenceKind = 'quantifier' | 'number' | 'date' | 'entity' | 'attribution' | 'wording';

/** A difference that matters between two versions of a claim, in each version's own words. */
export interface Difference {
  kind: DifferenceKind;
  a: string;
  b: string;
  /** One short sentence for the editor, e.g. "all ≠ most". */
  note?: string;
}

export interface DiffPart {
  op: 'equal' | 'removed' | 'added';
  value: string;
}

/** Two claims, one in each report, that state the same fact or speak of the same event. */
export interface ClaimMatch {
  /** `${a}~${b}` */
  id: string;
  /** Claim id in the first report. */
  a: string;
  /** Claim id in the second report. */
  b: string;
  /** 0..1, higher is closer. */
  score: number;
  relation: MatchRelation;
  differences: Difference[];
}

export interface Comparison {
  a: ParsedReport;
  b: ParsedReport;
  matches: ClaimMatch[];
}

/** Groups of names that refer to the same entity, e.g. ["UK", "Britain", "United Kingdom"]. */
export type AliasTable = ReadonlyArray<ReadonlyArray<string>>;
