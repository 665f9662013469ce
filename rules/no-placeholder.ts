import * as z from 'zod';
import { defineRule } from '../src/core/rule.js';
import { scannedTriggers, Trigger } from '../src/core/text/trigger-scan.js';
import { DEFAULT_MARKERS, escapeRegExp, findBlanks, findBlanksAfterHint, prepareBlankScan, type BlankContext, type BlankKind, type BlankScan } from '../src/core/text/placeholder-scan.js';

/** `/source/flags` is a regular expression; anything else is a literal word. */
const REGEX_ENTRY = /^\/(.+)\/([a-z]*)$/s;

/** Adds the global and Unicode flags every scan needs; returns null for an invalid expression. */
function compile(source: string, flags = ''): RegExp | null {
  const all = new Set([...flags, 'g']);
  if (!all.has('v')) all.add('u');
  if (all.has('y')) return null;
  try {
    return new RegExp(source, [...all].join(''));
  } catch {
    return null;
  }
}

/** An `allow` entry: a literal word, or a regular expression written `/…/flags`. */
function compileAllowEntry(entry: string): RegExp | null {
  const regex = REGEX_ENTRY.exec(entry);
  return regex ? compile(regex[1], regex[2]) : compile(escapeRegExp(entry));
}

/** A `patterns` entry: always a regular expression, which must not match the empty string. */
function compilePattern(entry: string): RegExp | null {
  const pattern = compile(entry);
  return pattern && !pattern.test('') ? pattern : null;
}

const options = z
  .object({
    allow: z
      .array(
        z
          .string()
          .min(1)
          .refine((entry) => compileAllowEntry(entry) !== null, { error: '不是有效的词语或正则表达式（正则表达式写作 /…/）' }),
      )
      .default([])
      .describe('从不视为占位符的词语或正则表达式（/…/），在内置列表（X光、X射线、X轴、X坐标等）之外追加'),
    patterns: z
      .array(
        z
          .string()
          .min(1)
          .refine((entry) => compilePattern(entry) !== null, { error: '不是有效的正则表达式，或会匹配空字符串' }),
      )
      .default([])
      .describe('额外的占位符正则表达式，例如本单位模板的“【●】”'),
    markers: z
      .array(z.string().min(1))
      .default([...DEFAULT_MARKERS])
      .describe('表示内容尚未完成的标记词，设置后替换默认列表'),
  })
  .strict();

type Settings = z.output<typeof options>;

/** Designations of the parties to a case: a report that uses them anonymises companies as `某某公司`, `X公司`. */
const PARTY = /原告|被告|上诉人|被申请人|申请执行人|被执行人|犯罪嫌疑人|第三人|原审/;

/** The linter passes one settings object per configuration: prepare its scan once, not once per document. */
const preparedScans = new WeakMap<Settings, BlankScan>();

function scanFor(settings: Settings): BlankScan {
  let scan = preparedScans.get(settings);
  if (scan === undefined) {
    // The schema has already rejected entries that do not compile.
    scan = prepareBlankScan({
      allow: settings.allow.map((entry) => compileAllowEntry(entry)!),
      patterns: settings.patterns.map((entry) => compilePattern(entry)!),
      markers: settings.markers,
    });
    preparedScans.set(settings, scan);
  }
  return scan;
}

export default defineRule({
  id: 'no-placeholder',
  description: '模板中遗留的占位符（X年、某某、○○、【单位名称】、＿＿＿等）',
  severity: 'error',
  fixable: false,
  messages: {
    year: '“{{text}}”疑似未填写的占位符，请填写具体年份',
    date: '“{{text}}”疑似未填写的占位符，请填写具体日期',
    number: '“{{text}}”疑似未填写的占位符，请填写具体数字',
    amount: '“{{text}}”疑似未填写的占位符，请填写具体金额',
    percent: '“{{text}}”疑似未填写的占位符，请填写具体百分比',
    place: '“{{text}}”疑似未填写的占位符，请填写具体的地名或单位名称',
    person: '“{{text}}”疑似未填写的占位符，请填写具体人名',
    phone: '“{{text}}”疑似未填写完整的电话号码，请填写实际号码',
    generic: '“{{text}}”疑似未填写的占位符，请填写具体内容',
    ellipsis: '此处只有省略号“{{text}}”，疑似未填写的内容，请填写具体内容',
    prompt: '“{{text}}”是模板中的填写提示，请按提示填写实际内容并删去括号',
    emptyBracket: '“{{text}}”括号内没有内容，疑似未填写的空白，请填写实际内容或删去括号',
    underline: '“{{text}}”是未填写的下划线空白，请填写实际内容',
    marker: '“{{text}}”是尚未处理的待办标记，请补全相应内容后删去该标记',
    pattern: '“{{text}}”与配置的占位符模式相符，请填写实际内容',
  } satisfies Record<BlankKind, string>,
  options,
  check(document, report, settings) {
    const scan = scanFor(settings);
    // Read the whole document for party designations only once, and only if a blank names a company.
    let partiesNamed: boolean | undefined;
    const namesParties = (): boolean => (partiesNamed ??= document.blocks.some((block) => PARTY.test(block.text)));
    // The scan shared with the format rules, when one of them has made it, tells which blocks hold what a built-in
    // blank needs, and which the first character of a default marker word; configured patterns, and marker words of
    // other initials, are searched in every block. Without it, every block is searched (see scannedTriggers).
    const masks = scannedTriggers(document)?.masks;
    const everyBlock = masks === undefined || scan.patterns.length > 0 || (scan.markerHint !== undefined && !scan.markersOpenWithInitials);
    const { blocks } = document;
    for (let index = 0; index < blocks.length; index++) {
      const mask = masks === undefined ? 0 : masks[index];
      if ((mask & (Trigger.Blank | Trigger.Marker)) === 0 && !everyBlock) continue;
      const block = blocks[index];
      const context: BlankContext = { namesParties, nextText: blocks[index + 1]?.text, inTable: block.kind === 'table-cell' };
      const blanks = masks === undefined ? findBlanks(block.text, scan, context) : findBlanksAfterHint(block.text, scan, context, (mask & Trigger.Blank) !== 0, (mask & Trigger.Marker) !== 0);
      for (const blank of blanks) {
        report({ block, start: blank.start, end: blank.end, messageId: blank.kind, data: { text: blank.quote } });
      }
    }
  },
});
