import { rules, rulesById } from '../rules/index.js';
import { resolveRules, type RulesConfig } from './core/config/resolve-rules.js';
import { formatForPath, lintSource, type LintResult } from './core/linter.js';
import { useMarkdownParser } from './core/parse/markdown.js';
import * as remark from './core/parse/remark.js';
import { useWordTable } from './core/text/segmenter.js';
import * as wordTable from './core/text/word-frequencies.js';

// lintText is synchronous, so the library entry loads remark and the word table up front (the CLI loads them on demand).
useMarkdownParser(remark);
useWordTable(wordTable);

export type { GwDocument, Block, BlockKind, Segment, Directive } from './core/document.js';
export type { Rule, Report, TextEdit, Severity } from './core/rule.js';
export type { LintMessage, LintResult, SourceFix, Excerpt } from './core/linter.js';
export { ConfigError, type RulesConfig, type RuleSetting } from './core/config/resolve-rules.js';
export { rules };

export interface LintTextOptions {
  /** Names the text: its extension picks the parser (`.md`/`.markdown` Markdown, otherwise plain text). */
  filePath?: string;
  /** Rule settings applied over the defaults, as in a `.gongwenrc.json`. */
  config?: { rules?: RulesConfig };
  reportUnusedDisableDirectives?: boolean;
}

/** Lints one text in memory. No config files are read: pass `config` to change rule settings. */
export function lintText(text: string, options: LintTextOptions = {}): LintResult {
  const filePath = options.filePath ?? '<text>';
  const format = formatForPath(options.filePath);
  const resolved = resolveRules(rules, options.config?.rules ? [{ source: 'lintText config', rules: options.config.rules }] : []);
  return lintSource(text, { filePath, format, rules: resolved, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives }, rulesById);
}
export { lintFiles, type FileLintResult, type LintFilesOptions } from './node/lint-files.js';
export { lintOneFile } from './node/lint-one-file.js';
export { calculateConfigForFile } from './node/config/load.js';
export { parseRuleFlag } from './core/config/rule-flag.js';
