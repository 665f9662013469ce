/**
 * Reads the prh dictionaries that a configuration names for the terminology rule (`"terminology": ["error",
 * {"dictionaries": ["./用语.yml"]}]`) and puts their compiled rules in the rule's options, so that the core, which
 * reads no files, gets data. Paths are relative to the file (or directory) that names them; `imports` are followed
 * relative to the importing dictionary, as prh does. A broken dictionary is a ConfigError naming the file and line.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { LineCounter } from 'yaml';
import { ConfigError, type RuleSetting, type RulesConfig } from '../../core/config/resolve-rules.js';
import type { Severity } from '../../core/rule.js';
import { compilePrhRule, PrhRuleError, prhPatternText, type TermDictionary, type TermEntry } from '../../core/text/prh.js';

const RULE_ID = 'terminology';

/** yaml, required on first use (CommonJS, so it loads synchronously), as for YAML config files. */
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}

interface ParsedDictionary {
  data: Record<string, unknown>;
  /** The 1-based line of a node, by its path in the document (`['rules', 3]`). */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

function readDictionaryText(path: string, reference: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : String(error);
    throw new ConfigError(path, '', `无法读取用语词典（${reason}）；它由 ${reference} 引用`);
  }
}

function parseDictionary(path: string, text: string): ParsedDictionary {
  const YAML = yaml();
  const lineCounter: LineCounter = new YAML.LineCounter();
  const document = YAML.parseDocument(text, { lineCounter });
  const problem = document.errors[0];
  if (problem) {
    const position = problem.linePos?.[0];
    const where = position ? `第 ${position.line} 行第 ${position.col} 列：` : '';
    throw new ConfigError(path, '', `${where}用语词典不是有效的 YAML：${problem.message.split('\n')[0]}`);
  }
  const data: unknown = document.toJS() ?? {};
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(path, '', '用语词典应为 prh 格式：顶层是一个对象，规则写在 rules 下（rules: - expected: … pattern: …）');
  }
  return {
    data: data as Record<string, unknown>,
    lineOf(nodePath) {
      const node = document.getIn(nodePath, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    },
  };
}

interface ImportSpec {
  path: string;
  disableImports: boolean;
  ignoreRules: { pattern?: string; expected?: string }[];
}

function importSpecs(raw: unknown, path: string, parsed: ParsedDictionary): ImportSpec[] {
  if (raw === undefined || raw === null) return [];
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list)) throw new ConfigError(path, '', `${lineText(parsed, ['imports'])}imports 应为词典路径或路径的列表`);
  return list.map((item: unknown, index) => {
    const where = lineText(parsed, ['imports', index]);
    if (typeof item === 'string') return { path: item, disableImports: false, ignoreRules: [] };
    const spec = (item ?? {}) as Record<string, unknown>;
    if (typeof spec.path !== 'string' || spec.path === '') throw new ConfigError(path, '', `${where}imports 的每一项应为路径，或写 path 的对象`);
    const ignoreRules = spec.ignoreRules ?? [];
    if (!Array.isArray(ignoreRules)) throw new ConfigError(path, '', `${where}ignoreRules 应为列表`);
    return {
      path: spec.path,
      disableImports: spec.disableImports === true,
      ignoreRules: ignoreRules.map((rule: unknown) => (typeof rule === 'string' ? { pattern: rule } : ((rule ?? {}) as { pattern?: string; expected?: string }))),
    };
  });
}

function lineText(parsed: ParsedDictionary, path: readonly (string | number)[]): string {
  const line = parsed.lineOf(path);
  return line === undefined ? '' : `第 ${line} 行：`;
}

function isIgnored(entry: TermEntry, ignoreRules: ImportSpec['ignoreRules']): boolean {
  return ignoreRules.some(
    (rule) => (rule.pattern !== undefined && rule.pattern === prhPatternText(entry)) || (rule.expected !== undefined && rule.expected === entry.expected),
  );
}

/** Adds `entries` to `into`, dropping those whose `expected` is already there: prh's merge, the first dictionary wins. */
function merge(into: TermEntry[], entries: readonly TermEntry[]): void {
  for (const entry of entries) if (!into.some((existing) => existing.expected === entry.expected)) into.push(entry);
}

/** One dictionary file with its imports; `chain` holds the files being read, to catch an import cycle. */
function loadFile(path: string, reference: string, followImports: boolean, chain: readonly string[]): TermEntry[] {
  if (chain.includes(path)) {
    throw new ConfigError(path, '', `用语词典循环引入：${[...chain, path].join(' → ')}`);
  }
  const parsed = parseDictionary(path, readDictionaryText(path, reference));
  const { data } = parsed;
  const rules = data.rules ?? [];
  if (!Array.isArray(rules)) throw new ConfigError(path, '', `${lineText(parsed, ['rules'])}rules 应为规则的列表（- expected: … pattern: …）`);
  const entries: TermEntry[] = [];
  rules.forEach((rule: unknown, index) => {
    try {
      merge(entries, [compilePrhRule(rule)]);
    } catch (error) {
      if (!(error instanceof PrhRuleError)) throw error;
      throw new ConfigError(path, '', `${lineText(parsed, ['rules', index])}规则 ${index + 1} 有误：${error.message}`);
    }
  });
  if (followImports) {
    for (const spec of importSpecs(data.imports, path, parsed)) {
      const imported = loadFile(resolve(dirname(path), spec.path), path, !spec.disableImports, [...chain, path]);
      merge(
        entries,
        imported.filter((entry) => !isIgnored(entry, spec.ignoreRules)),
      );
    }
  }
  return entries;
}

/** Reads one dictionary named by `reference` (a config file, or `--rule`): its rules and those it imports. */
export function loadTermDictionary(path: string, reference: string): TermDictionary {
  return { source: path, entries: loadFile(path, reference, true, []) };
}

/**
 * Replaces the dictionary paths in the terminology rule's setting with the dictionaries' contents. `baseDirectory`
 * resolves relative paths; `source` names the config file (or flag) in error messages. Other rules are untouched.
 */
export function loadDictionaries(rules: RulesConfig, baseDirectory: string, source: string): RulesConfig {
  const setting = rules[RULE_ID];
  if (!Array.isArray(setting) || setting.length < 2) return rules;
  const [severity, options] = setting as [Severity, Record<string, unknown>];
  const dictionaries = options.dictionaries;
  if (!Array.isArray(dictionaries) || !dictionaries.some((entry) => typeof entry === 'string')) return rules;
  const reference = `${source} 的 rules.${RULE_ID}`;
  const loaded = dictionaries.map((entry: unknown) => (typeof entry === 'string' ? loadTermDictionary(resolve(baseDirectory, entry), reference) : entry));
  return { ...rules, [RULE_ID]: [severity, { ...options, dictionaries: loaded }] as RuleSetting };
}
