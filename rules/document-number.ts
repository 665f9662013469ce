import * as z from 'zod';
import type { GwDocument } from '../src/core/document.js';
import { defineRule } from '../src/core/rule.js';
import { blockTriggers, Trigger } from '../src/core/text/trigger-scan.js';
import { CORRECT_CLOSE, CORRECT_OPEN, findDocumentNumbers, type DocumentNumber } from '../src/core/text/document-numbers.js';

const messages = {
  brackets: '发文字号“{{found}}”的年份应使用六角括号“〔〕”，应写作“{{expected}}”',
  shortYear: '发文字号“{{found}}”的年份应写全四位数字，如“{{expected}}”',
  leadingZero: '发文字号“{{found}}”的序号不编虚位（序号前不加“0”），应写作“{{expected}}”',
  di: '发文字号“{{found}}”的序号前不加“第”，应写作“{{expected}}”',
  space: '发文字号“{{found}}”中不应有空格，应写作“{{expected}}”',
  useYear: '年份改为“{{expected}}”',
  removeDi: '删去“第”',
  removeSpace: '删去空格',
} as const;

/** A two-digit year read as the nearer century: `〔96〕` → 1996, `〔24〕` → 2024; only ever a suggestion. */
function fullYear(digits: string): string {
  const value = Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return String(value < 50 ? 2000 + value : 1900 + value);
}

/** How many zeros (ASCII or full-width) open `digits`. A loop, not a regex: it runs for every number found. */
function leadingZeros(digits: string): number {
  let zeros = 0;
  while (zeros < digits.length && (digits.charCodeAt(zeros) === 0x30 || digits.charCodeAt(zeros) === 0xff10)) zeros++;
  return zeros;
}

/** The number as it should read once the slips the rule can judge (brackets, zeros, `第`, spaces) are mended. */
function corrected(number: DocumentNumber, year = number.year.digits): string {
  const digits = number.serial.digits;
  // All zeros keep the last one (`〔2024〕0号` → `〔2024〕0号`).
  const serial = digits.slice(Math.min(leadingZeros(digits), digits.length - 1));
  return `${CORRECT_OPEN}${year}${CORRECT_CLOSE}${serial}号`;
}

export default defineRule({
  id: 'document-number',
  description: '发文字号的格式错误（年份未用六角括号〔〕、年份不全、序号有虚位或加“第”）',
  severity: 'error',
  fixable: true,
  messages,
  options: z.object({}).strict(),
  check(document: GwDocument, report) {
    // Every 发文字号 ends with 号, which most blocks do not hold: the scan shared with the other format rules marks those
    // that do.
    const { masks } = blockTriggers(document);
    const { blocks } = document;
    for (let index = 0; index < blocks.length; index++) {
      if ((masks[index] & Trigger.Hao) === 0) continue;
      const block = blocks[index];
      const { text } = block;
      for (const number of findDocumentNumbers(text)) {
        const { serial } = number;
        const zeros = leadingZeros(serial.digits);
        const wrongBrackets = number.open.char !== CORRECT_OPEN || number.close.char !== CORRECT_CLOSE;
        const hasSpaces = number.spacesBeforeSerial.end !== number.spacesBeforeSerial.start || number.spacesBeforeHao.end !== number.spacesBeforeHao.start;
        // Most numbers found are well written: what a message shows is built only for one that is not.
        if (!wrongBrackets && number.year.digits.length === 4 && !(zeros > 0 && serial.digits.length > 1) && number.di === undefined && !hasSpaces) continue;
        const found = text.slice(number.start, number.end);
        const data = { found, expected: corrected(number) };
        if (wrongBrackets) {
          report({
            block,
            start: number.open.at,
            end: number.close.at + 1,
            messageId: 'brackets',
            data,
            fix: [
              { start: number.open.at, end: number.open.at + 1, text: CORRECT_OPEN },
              { start: number.close.at, end: number.close.at + 1, text: CORRECT_CLOSE },
            ],
          });
        }
        if (number.year.digits.length !== 4) {
          const year = number.year.digits.length === 2 ? fullYear(number.year.digits) : undefined;
          report({
            block,
            start: number.year.start,
            end: number.year.end,
            messageId: 'shortYear',
            data: { found, expected: year === undefined ? '〔2024〕' : corrected(number, year) },
            ...(year === undefined
              ? {}
              : { suggestions: [{ messageId: 'useYear', data: { expected: year }, fix: { start: number.year.start, end: number.year.end, text: year } }] }),
          });
        }
        if (zeros > 0 && serial.digits.length > 1) {
          const allZeros = zeros === serial.digits.length;
          report({
            block,
            start: serial.start,
            end: serial.end,
            messageId: 'leadingZero',
            data,
            ...(allZeros ? {} : { fix: { start: serial.start, end: serial.start + zeros, text: '' } }),
          });
        }
        if (number.di !== undefined) {
          report({
            block,
            start: number.di,
            end: number.di + 1,
            messageId: 'di',
            data,
            suggestions: [{ messageId: 'removeDi', fix: { start: number.di, end: number.di + 1, text: '' } }],
          });
        }
        for (const spaces of [number.spacesBeforeSerial, number.spacesBeforeHao]) {
          if (spaces.end === spaces.start) continue;
          report({
            block,
            start: spaces.start,
            end: spaces.end,
            messageId: 'space',
            data,
            suggestions: [{ messageId: 'removeSpace', fix: { start: spaces.start, end: spaces.end, text: '' } }],
          });
        }
      }
    }
  },
});
