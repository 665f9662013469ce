/**
 * Large and hostile input through every registered rule, as Markdown and as plain text. The time limits
 * are generous on purpose: they are not benchmarks but tripwires for quadratic time or deep recursion,
 * which on these inputs take minutes or overflow the stack.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/core/fix.js';
import { lintText } from '../../src/index.js';
import { decodeDraft, encodeDraft, readDraft, writeDraft } from '../../src/node/io.js';
import type { LintResult } from '../../src/core/linter.js';

const LIMIT_MS = 30_000;

function lintAs(extension: 'md' | 'txt'): (text: string) => LintResult {
  return (text) => lintText(text, { filePath: `hostile.${extension}` });
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/** Number of lines as the engine counts them (`\r\n`, `\n`, lone `\r`). */
function lineCount(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) lines++;
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      lines++;
    }
  }
  return lines;
}

const SENTENCE = '为切实做好岁末年初安全生产工作，有效防范各类事故发生，经县政府同意，决定在全县开展安全生产大检查。';

const hostileInputs: ReadonlyArray<[string, () => string]> = [
  ['a 1 MB single line of body text', () => SENTENCE.repeat(Math.ceil(1_000_000 / SENTENCE.length))],
  ['a 1 MB single line with a defect every 1,000 characters', () => (SENTENCE.repeat(20) + '工作,有效').repeat(1_000)],
  ['10,000 nested block quotes', () => '> '.repeat(10_000) + '各乡镇,各部门。。\n'],
  ['10,000 block quote markers without spaces', () => '>'.repeat(10_000) + '各乡镇,各部门\n'],
  ['10,000 nested bullet list levels', () => '- '.repeat(10_000) + '加强领导,压实责任\n'],
  ['10,000 nested ordered list levels', () => '1. '.repeat(10_000) + '（一）加强领导\n'],
  ['10,000 list, quote and section markers on one line', () => '- > 1. 一、'.repeat(10_000)],
  ['a 1 MB single line with 40,000 findings', () => '为切实做好岁末年初安全生产工作,有效防范各类事故发生，经县政府同意，决定在全县开展安全生产大检查。。'.repeat(20_000)],
  ['100,000 lines of the same section number', () => '一、\n'.repeat(100_000)],
  ['100,000 （ in a row', () => '（'.repeat(100_000)],
  ['100,000 “ in a row', () => '“'.repeat(100_000)],
  ['100,000 ( in a row between Han characters', () => '甲' + '('.repeat(100_000) + '乙'],
  ['a file of only X', () => 'X'.repeat(1_000_000)],
  ['a file of only ，', () => '，'.repeat(1_000_000)],
  ['a file of only 。 and line breaks', () => '。\n'.repeat(500_000)],
  ['100,000 backticks', () => '`'.repeat(100_000)],
  ['200,000 unpaired surrogates and NULs', () => '\ud800\0'.repeat(100_000)],
];

describe.each(['md', 'txt'] as const)('hostile input as .%s', (extension) => {
  const lint = lintAs(extension);
  it.each(hostileInputs)('%s: lints and fixes in bounded time, positions inside the text', (_name, make) => {
    const text = make();
    const { value: result, ms: lintMs } = timed(() => lint(text));
    expect(lintMs).toBeLessThan(LIMIT_MS);
    const lines = lineCount(text);
    // One assertion over all findings: 100,000 expect() calls would dwarf the lint itself.
    expect(result.messages.filter((m) => !(m.line >= 1 && m.line <= m.endLine && m.endLine <= lines))).toEqual([]);
    const { value: fixed, ms: fixMs } = timed(() => fixText(text, lint));
    expect(fixMs).toBeLessThan(LIMIT_MS);
    const fixedLines = lineCount(fixed.output);
    expect(fixed.result.messages.filter((m) => m.endLine > fixedLines)).toEqual([]);
  });
});

describe('a 50 MB plain-text draft', () => {
  it('is read, fixed and written back in bounded time, changing only its one defect', async () => {
    const paragraph = `${SENTENCE}\n\n注：以上数据截至2024年6月30日，详见附件。\n\n`;
    const bytesPerParagraph = Buffer.byteLength(paragraph);
    const body = paragraph.repeat(Math.ceil(50_000_000 / bytesPerParagraph));
    const text = `${body}请各单位于12月31日前报送检查情况,逾期视为未开展。\n`;
    const directory = await mkdtemp(join(tmpdir(), 'gongwen-large-'));
    try {
      const file = join(directory, 'large.txt');
      await writeFile(file, text);
      const started = performance.now();
      const draft = await readDraft(file);
      const fixed = fixText(draft.text, lintAs('txt'));
      await writeDraft(file, fixed.output, draft);
      expect(performance.now() - started).toBeLessThan(120_000);
      expect(fixed.output).toBe(`${body}请各单位于12月31日前报送检查情况，逾期视为未开展。\n`);
      expect((await readFile(file)).length).toBe(Buffer.byteLength(text) + 2);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 180_000);

  it('decodes and encodes 50 MB of GB18030 in bounded time, byte for byte', () => {
    const bytes = encodeDraft(SENTENCE.repeat(Math.ceil(50_000_000 / 2 / SENTENCE.length)), { encoding: 'gb18030', bom: false });
    const { value: draft, ms } = timed(() => decodeDraft(bytes));
    expect(draft.encoding).toBe('gb18030');
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(encodeDraft(draft.text, draft).equals(bytes)).toBe(true);
  });
});
