import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { LintResult } from '../../src/core/linter.js';
import { outputText, type FormatterOutput } from '../../src/node/formatters/index.js';
import jsonFormatter, { resultJson } from '../../src/node/formatters/json.js';
import { context, results } from './fixtures.js';

const json: typeof jsonFormatter = (results, context) => outputText(jsonFormatter(results, context));

it('prints ESLint-compatible results without the display excerpt', () => {
  expect(JSON.parse(json(results, context()))).toEqual([
    {
      filePath: '/home/user/公文/草稿/工作报告.md',
      messages: [
        {
          ruleId: 'no-placeholder',
          severity: 2,
          message: '“X年”疑似未填写的占位符，请填写具体年份',
          messageId: 'placeholder',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 3,
        },
        {
          ruleId: 'punctuation-width',
          severity: 1,
          message: '中文语境中的半角逗号“,”应为全角“，”',
          messageId: 'halfWidth',
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 18,
          fix: { range: [208, 209], text: '，' },
        },
      ],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
    },
    {
      filePath: '/home/user/公文/通知.md',
      messages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
    {
      filePath: '/home/user/公文/缺失, 文件:1.txt',
      messages: [
        { ruleId: null, severity: 2, message: '无法读取文件：文件不存在', line: 0, column: 0, endLine: 0, endColumn: 0, fatal: true },
      ],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
  ]);
});

it('carries the fixed text when a dry run produced one', () => {
  const [parsed] = JSON.parse(json([{ ...results[0], output: '2023年以来，' }], context()));
  expect(parsed.output).toBe('2023年以来，');
});

it('prints an empty array for no files', () => {
  expect(json([], context())).toBe('[]');
});

it('names the part of a Word document a finding is in when it is not the body', () => {
  const [first] = results[0].messages;
  const [parsed] = JSON.parse(json([{ ...results[0], filePath: '/home/user/公文/请示.docx', messages: [first, { ...first, part: 'footer' }] }], context()));
  expect(parsed.messages.map((message: { part?: string }) => message.part)).toEqual([undefined, 'footer']);
});

it('writes exactly what JSON.stringify writes for the same fields in ESLint order, whatever the strings hold', () => {
  const awkward = '引号"、反斜杠\\、换行\n、制表\t、控制\u0001、孤立代理\ud800';
  const message = {
    ruleId: 'punctuation-pair',
    severity: 2 as const,
    message: `“${awkward}”缺少配对的右引号`,
    messageId: 'unclosed',
    line: 4,
    column: 9,
    endLine: 5,
    endColumn: 1,
    part: 'footnote' as const,
    fix: { range: [10, 12] as [number, number], text: awkward },
    suggestions: [{ desc: '补上右引号“”', messageId: 'close', fix: { range: [12, 12] as [number, number], text: '”' } }],
    fatal: true,
    excerpt: { text: awkward, start: 0, end: 2 },
  };
  const result = { filePath: `/home/user/公文/${awkward}.md`, messages: [message, { ...message, ruleId: null, messageId: undefined }], errorCount: 2, fatalErrorCount: 2, warningCount: 0, fixableErrorCount: 2, fixableWarningCount: 0, output: awkward };
  const { excerpt: _excerpt, ...withoutExcerpt } = message;
  const { messageId: _messageId, ...withoutId } = withoutExcerpt;
  const expected = [
    {
      filePath: result.filePath,
      messages: [withoutExcerpt, { ...withoutId, ruleId: null }],
      errorCount: 2,
      fatalErrorCount: 2,
      warningCount: 0,
      fixableErrorCount: 2,
      fixableWarningCount: 0,
      output: awkward,
    },
    { filePath: results[1].filePath, messages: [], errorCount: 0, fatalErrorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
  ];
  expect(json([result, results[1]], context())).toBe(JSON.stringify(expected));
});

/** Text from all of Unicode, single UTF-16 code units (lone surrogates, control characters) and a few texts findings share. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 12 }),
  fc.constantFrom('', '，', '“X年”疑似未填写的占位符', '\ud800', '"\\\n\u001f\u007f\u2028'),
);

const position = fc.oneof(fc.nat({ max: 2_000_000_000 }), fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER));

const sourceFix = fc.record({ range: fc.tuple(position, position), text: anyText });

const lintMessage = fc.record(
  {
    ruleId: fc.oneof(fc.constant(null), fc.constantFrom('punctuation-width', 'no-placeholder'), anyText),
    severity: fc.constantFrom(1 as const, 2 as const),
    message: anyText,
    messageId: anyText,
    line: position,
    column: position,
    endLine: position,
    endColumn: position,
    part: fc.constantFrom('header' as const, 'footer' as const, 'footnote' as const, 'endnote' as const),
    fix: sourceFix,
    suggestions: fc.array(fc.record({ desc: anyText, messageId: anyText, fix: sourceFix }, { requiredKeys: ['desc', 'fix'] }), { maxLength: 2 }),
    fatal: fc.boolean(),
    excerpt: fc.record({ text: anyText, start: fc.nat(), end: fc.nat() }),
  },
  { requiredKeys: ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'] },
);

const count = fc.nat({ max: 1000 });

const lintResult = fc.record(
  {
    filePath: anyText,
    messages: fc.array(lintMessage, { maxLength: 6 }),
    errorCount: count,
    warningCount: count,
    fixableErrorCount: count,
    fixableWarningCount: count,
    fatalErrorCount: count,
    output: anyText,
  },
  { requiredKeys: ['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'fatalErrorCount'] },
);

/** ESLint's fields in its order, built as objects: what the formatter must write without building them. */
function eslintResult(result: LintResult): Record<string, unknown> {
  return {
    filePath: result.filePath,
    messages: result.messages.map((message) => ({
      ruleId: message.ruleId,
      severity: message.severity,
      message: message.message,
      messageId: message.messageId,
      line: message.line,
      column: message.column,
      endLine: message.endLine,
      endColumn: message.endColumn,
      part: message.part,
      fix: message.fix,
      suggestions: message.suggestions && message.suggestions.length > 0 ? message.suggestions : undefined,
      fatal: message.fatal ? true : undefined,
    })),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    output: result.output,
  };
}

/** The formatter's pieces as bytes, each copied when it comes (a piece is lent until the next is asked for). */
function outputBytes(output: FormatterOutput): Buffer {
  if (typeof output === 'string') return Buffer.from(output);
  return Buffer.concat(Array.from(output, (piece) => (typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece))));
}

it('writes byte for byte the UTF-8 of JSON.stringify for random results, whatever their strings and numbers hold', () => {
  fc.assert(
    fc.property(fc.array(lintResult, { maxLength: 5 }), (results) => {
      const expected = JSON.stringify(results.map(eslintResult));
      const written = outputBytes(jsonFormatter(results, context()));
      expect(written.equals(Buffer.from(expected, 'utf8'))).toBe(true);
      // What --cache stores for a result is the same text.
      expect(`[${results.map(resultJson).join(',')}]`).toBe(expected);
    }),
    { numRuns: 1000 },
  );
});

it('copies the stored text of a result replayed from --cache among results written afresh', () => {
  const stored = { ...results[1], storedJson: '{"filePath":"/home/user/公文/通知.md","messages":[],"stored":true}' };
  const storedBytes = { ...results[1], storedJsonBytes: Buffer.from('{"filePath":"/home/user/公文/请示.md","messages":[],"bytes":true}') };
  const written = outputText(jsonFormatter([results[0], stored, storedBytes, results[2]], context()));
  expect(written).toBe(`[${resultJson(results[0])},${stored.storedJson},${storedBytes.storedJsonBytes.toString()},${resultJson(results[2])}]`);
});
