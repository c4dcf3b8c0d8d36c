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
  | 'duplicate'
  /** Who wrote, edited or photographed it, from where: "By …", «كتب: …», "Reporting by …", "(Photo: …)", "KYIV (Wire) -". */
  | 'byline'
  /** The website around the article: comment, cookie and newsletter notices, share buttons, copyright. */
  | 'site-chrome';

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
  /** What the claim says happened, slot by slot; absent where the engine read no event. */
  frame?: ClaimFrame;
}

/**
 * The kind of event a claim reports. `state` is a statement or call with no physical event
 * («دعا», "urged"); `other` is an event the engine recognises as one but does not classify.
 */
export type EventClass =
  | 'capture'
  | 'recapture'
  | 'withdraw'
  | 'attack'
  | 'repel'
  | 'kill'
  | 'injure'
  | 'arrest'
  | 'release'
  | 'displace'
  | 'call-for'
  | 'state'
  | 'deny'
  | 'other';

/**
 * `asserted`: the claim says the event happened. `negated`: it says it did not («لم تسيطر»,
 * "did not seize"). `failed`: it says it was tried and failed («فشلت في السيطرة», "failed to
 * seize"). `denied`: someone denies it («نفى الجيش سقوط المطار»).
 */
export type Polarity = 'asserted' | 'negated' | 'failed' | 'denied';

/**
 * A claim read as a frame: who did what to whom, where, when, how many, says who. Each slot holds
 * the words as the report writes them, for the editor to see; comparison uses normalized values
 * the engine keeps to itself.
 */
export interface ClaimFrame {
  /** The predicate as written («سيطرت», "recaptured") and its class. */
  event: { text: string; class: EventClass } | null;
  polarity: Polarity;
  /** The words that negate or deny («لم», "failed to", «نفى»), when polarity is not `asserted`. */
  polarityCue: string | null;
  /** Who did it. */
  actors: string[];
  /** To whom or to what. */
  targets: string[];
  places: string[];
  /** Dates, weekdays, times of day, months, relative days, as written. */
  times: string[];
  /** Counts, hedged counts, fractions, vague counts and quantifiers («معظم», "all"), as written. */
  quantities: string[];
  /** Who says so («بحسب ما أفاد المرصد», "citing officials"), as written. */
  source: string | null;
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

/**
 * `same`: the same fact. `related`: the same event, told differently. `contradicts`: one asserts
 * what the other denies or says failed, or gives the same event to opposite actors.
 */
export type MatchRelation = 'same' | 'related' | 'contradicts';

/**
 * `polarity`: one version asserts, the other negates, denies or says it failed. `date` covers
 * dates, weekdays, times of day and months; `entity` a different or swapped actor, target or
 * place; `attribution` every way of naming the source; `quantifier` quantifiers, hedges,
 * fractions and vague counts.
 */
export type DifferenceKind = 'polarity' | 'quantifier' | 'number' | 'date' | 'entity' | 'attribution' | 'wording';

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
