import * as z from 'zod';
import { defineRule } from '../src/core/rule.js';
import { compilePrhRule, entryRegExp, findTerms, type TermDictionary, type TermEntry } from '../src/core/text/prh.js';
import { BUILTIN_RULES } from '../src/core/text/terminology-builtin.js';

function compiles(entry: { pattern: string; flags: string }): boolean {
  try {
    new RegExp(entry.pattern, entry.flags);
    return true;
  } catch {
    return false;
  }
}

const entrySchema = z
  .object({
    expected: z.string(),
    pattern: z.string().min(1),
    flags: z.string().regex(/^g[imsu]*$/, { error: '应含 g 标志，只用 g、i、m、s、u' }),
    mustBeEmpty: z.number().int().positive().optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine(compiles, { error: '不是有效的正则表达式' });

const dictionarySchema = z
  .object({
    source: z.string().describe('词典的来源（文件路径），用于说明'),
    entries: z.array(entrySchema).describe('已编译的 prh 规则'),
  })
  .strict();

const options = z
  .object({
    dictionaries: z
      .array(z.union([z.string().min(1), dictionarySchema]))
      .default([])
      .describe(
        'prh 格式的 YAML 词典文件（rules: expected、pattern/patterns、specs，imports 引入其他词典），路径相对于写它的配置文件；' +
          '命令行和 lintFiles 读取词典后，把路径换成词典内容（{source, entries}），直接调用 lintText 时也可以这样传入',
      ),
    builtin: z.boolean().default(true).describe('是否同时使用内置词典（《第一批异形词整理表》中的推荐词形）'),
  })
  .strict();

type Settings = z.output<typeof options>;

interface CompiledEntry {
  readonly entry: TermEntry;
  readonly regexp: RegExp;
}

interface Compiled {
  readonly entries: readonly CompiledEntry[];
  /**
   * All patterns as one alternation: a block it does not match is skipped with one scan instead of one per entry.
   * Undefined when the patterns cannot be joined safely (back-references would count groups across entries).
   */
  readonly prefilter: RegExp | undefined;
}

function prefilterFor(entries: readonly TermEntry[]): RegExp | undefined {
  if (entries.length < 2 || entries.some((entry) => /\\(?:[1-9]|k<)/.test(entry.pattern))) return undefined;
  try {
    // `i` on the whole alternation only widens what it finds, and it only decides which blocks to look at.
    const ignoreCase = entries.some((entry) => entry.flags.includes('i'));
    return new RegExp(entries.map((entry) => `(?:${entry.pattern})`).join('|'), ignoreCase ? 'imu' : 'mu');
  } catch {
    return undefined;
  }
}

let builtinEntries: TermEntry[] | undefined;

function builtin(): TermEntry[] {
  builtinEntries ??= BUILTIN_RULES.map((rule) => compilePrhRule(rule));
  return builtinEntries;
}

/** The linter passes one settings object per configuration: compile its patterns once, not once per document. */
const compiled = new WeakMap<Settings, Compiled>();

function compile(settings: Settings): Compiled {
  const known = compiled.get(settings);
  if (known) return known;
  const entries: TermEntry[] = [];
  // As prh merges dictionaries: the first rule for an `expected` wins, later ones with the same `expected` are dropped.
  const seen = new Set<string>();
  const add = (entry: TermEntry): void => {
    if (seen.has(entry.expected)) return;
    seen.add(entry.expected);
    entries.push(entry);
  };
  for (const dictionary of settings.dictionaries) {
    if (typeof dictionary === 'string') {
      throw new Error(
        `词典“${dictionary}”尚未读取：词典文件由命令行和 lintFiles 按配置文件的位置读取；直接调用 lintText 时请传入词典内容 {source, entries}`,
      );
    }
    (dictionary as TermDictionary).entries.forEach(add);
  }
  if (settings.builtin) builtin().forEach(add);
  const result = { entries: entries.map((entry) => ({ entry, regexp: entryRegExp(entry) })), prefilter: prefilterFor(entries) };
  compiled.set(settings, result);
  return result;
}

export default defineRule({
  id: 'terminology',
  description: '按用语词典（prh 格式）检查应统一的用词，内置《第一批异形词整理表》的推荐词形',
  severity: 'off',
  fixable: true,
  messages: {
    term: '“{{found}}”应写作“{{expected}}”',
    termWithNote: '“{{found}}”应写作“{{expected}}”：{{note}}',
  },
  options,
  check(document, report, settings) {
    const { entries, prefilter } = compile(settings);
    if (entries.length === 0) return;
    for (const block of document.blocks) {
      if (prefilter && !prefilter.test(block.text)) continue;
      for (const { entry, regexp } of entries) {
        for (const match of findTerms(block.text, entry, regexp)) {
          report({
            block,
            start: match.start,
            end: match.end,
            messageId: entry.note === undefined ? 'term' : 'termWithNote',
            data: { found: match.found, expected: match.replacement, ...(entry.note === undefined ? {} : { note: entry.note }) },
            fix: { start: match.start, end: match.end, text: match.replacement },
          });
        }
      }
    }
  },
});
