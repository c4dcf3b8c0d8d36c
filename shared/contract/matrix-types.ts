import type { Verdict } from '../model/verdict';
import type { ReportSummary } from './channels';

/** One outlet's wording of a fact: a claim of one report in the row's group. */
export interface MatrixCell {
  claimId: string;
  text: string;
  status: Verdict;
  /** Who set the status, when an editor did. */
  decidedBy: string | null;
  /** Verdicts standing side by side, when editors decided concurrently (0: none). */
  conflicts: number;
  needsRecheck: boolean;
  /** Differences that matter (numbers, names, dates…) between this claim and others of its row. */
  discrepancies: number;
}

/** A claim group: the cells of each report that state the fact, and how the group stands to others. */
export interface MatrixRow {
  group: string;
  /** By report id; a report may state the fact more than once. */
  cells: Record<string, MatrixCell[]>;
  /** Only one report states it. */
  singleSource: boolean;
  /** Another group contradicts it. */
  contradicted: boolean;
  /** Some cell is still unverified. */
  unverified: boolean;
  /** Some cell changed since verified. */
  recheck: boolean;
}

/** The story as a matrix: rows are claim groups, columns the reports (each outlet and version). */
export interface StoryMatrix {
  reports: ReportSummary[];
  rows: MatrixRow[];
}
