/** Result bookkeeping shared by the runner and the file loop, free of the parser so it loads cheaply. */
import type { LintMessage, LintResult } from './linter.js';

/** Counts a file's findings by severity and fixability, in ESLint's result shape. */
export function countMessages(filePath: string, messages: LintMessage[]): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 0,
  };
  for (const message of messages) {
    if (message.severity === 2) {
      result.errorCount++;
      if (message.fix) result.fixableErrorCount++;
      if (message.fatal) result.fatalErrorCount++;
    } else {
      result.warningCount++;
      if (message.fix) result.fixableWarningCount++;
    }
  }
  return result;
}

/** A problem with a file (or a pattern) rather than a finding in it, in ESLint's shape: fatal when an error. */
export function problemMessage(message: string, severity: 1 | 2 = 2): LintMessage {
  const problem: LintMessage = { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (severity === 2) problem.fatal = true;
  return problem;
}

/** The message of anything thrown, for a problem message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

