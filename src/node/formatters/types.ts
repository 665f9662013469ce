import type { LintResult } from '../../core/linter.js';

/** What a formatter needs to know about a rule; taken from the registry, never from findings. */
export interface RuleMeta {
  id: string;
  description: string;
  /** 'off' for a rule that is off until configured. */
  severity: 'off' | 'warn' | 'error';
  fixable: boolean;
}

export interface FormatterContext {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** Whether ANSI colours may be used (a TTY, NO_COLOR unset, not writing to a file). */
  color: boolean;
  /** Every rule of the run, for formats that describe rules (SARIF). */
  rules: readonly RuleMeta[];
  /** gongwen-lint's version, for formats that name the tool. */
  version: string;
}

/**
 * The text a formatter prints: whole, or in pieces that are written one after another, so that the report
 * of ten thousand files never stands in memory as one string (see json.ts). A piece may be UTF-8 bytes, each
 * a whole number of characters (see sarif.ts): a report of mostly fixed text is then never a string at all.
 * Bytes are lent: the formatter may write over them once the next piece is asked for, so a reader copies
 * or writes them before it asks.
 */
export type FormatterOutput = string | Iterable<string | Uint8Array>;

/** A pure function from results to the text printed or written; the CLI adds nothing to it. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => FormatterOutput;

/**
 * A report written as results arrive, in the order they are reported (see report-stream.ts): `add` gives the
 * pieces for results that follow every result given before, `finish` the rest (stylish: the summary).
 * The pieces together are exactly what the format's Formatter gives for all the results at once; lent bytes
 * as for FormatterOutput.
 */
export interface ReportWriter {
  add(results: readonly LintResult[]): Iterable<string | Uint8Array>;
  finish(): Iterable<string | Uint8Array>;
}
