/**
 * gongwen-lint as a unified (remark) plugin: `unified().use(remarkParse).use(remarkGongwen, options)`.
 * It lints the tree the pipeline already parsed (no second parse) and reports each finding as a vfile
 * message the way remark-lint does, so vfile-reporter and remark-cli show and count them. Environment-free,
 * like the core it runs.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { rules, rulesById } from '../rules/index.js';
import { resolveRules, type RulesConfig } from './core/config/resolve-rules.js';
import { validateConfig } from './core/config/schema.js';
import { lintDocument, type LintMessage } from './core/linter.js';
import { documentFromMarkdownTree, useMarkdownParser } from './core/parse/markdown.js';
import * as remark from './core/parse/remark.js';
import { ruleDocsUrl } from './core/rule-docs.js';

// The plugin runs synchronously inside a pipeline that has loaded remark-parse anyway.
useMarkdownParser(remark);

/** The same object as a `.gongwenrc.json`; only `rules` applies here (files are chosen by the pipeline). */
export interface RemarkGongwenOptions {
  rules?: RulesConfig;
  /** Report suppression comments that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
}

const OPTIONS_SOURCE = 'remark-gongwen 的选项';

function resolveOptions(options: RemarkGongwenOptions | undefined): ReturnType<typeof resolveRules> {
  const { reportUnusedDisableDirectives: _unused, ...config } = options ?? {};
  const content = validateConfig(config, OPTIONS_SOURCE, rules);
  // Globs need file paths relative to a config file; in a pipeline, remark chooses the files.
  for (const key of ['ignores', 'overrides'] as const) {
    if (content[key] !== undefined) {
      throw new Error(`${OPTIONS_SOURCE}中的 ${key} 只由命令行处理：在 remark 中请用 .remarkignore 或分目录的 .remarkrc 选择文件`);
    }
  }
  return resolveRules(rules, content.rules ? [{ source: OPTIONS_SOURCE, rules: content.rules }] : []);
}

function addMessage(file: VFile, source: string, finding: LintMessage): void {
  const message = file.message(finding.message, {
    place: {
      start: { line: finding.line, column: finding.column },
      end: { line: finding.endLine, column: finding.endColumn },
    },
    ruleId: finding.ruleId ?? undefined,
    source: 'gongwen-lint',
  });
  // remark-lint's convention: `fatal` true for errors, false for warnings; remark-cli fails on the former.
  message.fatal = finding.severity === 2;
  if (finding.ruleId !== null) message.url = ruleDocsUrl(finding.ruleId);
  const replacements = finding.fix ? [finding.fix] : (finding.suggestions ?? []).map((suggestion) => suggestion.fix);
  if (replacements.length > 0) {
    message.actual = source.slice(replacements[0].range[0], replacements[0].range[1]);
    message.expected = replacements.map((replacement) => replacement.text);
  }
}

/** The unified plugin; `options` as in a `.gongwenrc.json` (`rules`). */
export default function remarkGongwen(options?: RemarkGongwenOptions): (tree: Root, file: VFile) => void {
  const resolved = resolveOptions(options);
  const reportUnusedDisableDirectives = options?.reportUnusedDisableDirectives ?? false;
  return (tree, file) => {
    const source = String(file.value);
    const document = documentFromMarkdownTree(tree, source);
    const result = lintDocument(document, { filePath: file.path || '<vfile>', format: 'markdown', rules: resolved, reportUnusedDisableDirectives }, rulesById);
    for (const finding of result.messages) addMessage(file, source, finding);
  };
}
