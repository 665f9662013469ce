/**
 * Text made of the pieces 公文 drafts are made of, so that random strings actually hit the rules: Han
 * characters, full- and half-width marks, section and enumeration markers, placeholders, Markdown syntax,
 * line endings, and the hostile bits (NUL, lone CR, unpaired surrogates).
 */
import fc from 'fast-check';

const HAN = [...'关于做好安全生产工作的通知各乡镇人民政府县直单位为切实加强领导压实责任现将有关事项如下请认真贯彻落实报告请示函'];
const FULL_WIDTH_MARKS = [...'，。、；：？！“”‘’（）《》〈〉【】〔〕［］～·', '……', '——'];
const HALF_WIDTH_MARKS = [...',.;:?!()"\'~', '...', '—'];
const MARKERS = ['一、', '二、', '四、', '一.', '（一）', '（二）', '（一）、', '(一)', '(三)', '1.', '2.', '1、', '（1）', '(2)', '一是', '二是', '四是', '第一，', '第二、', '首先', '其次'];
const PLACEHOLDERS = ['X', 'XX', 'x', 'Ｘ', '×××', '某某', '20XX年', 'X月X日', '○○', '【单位名称】', '待补充', '___'];
const DIGITS = ['2024', '1,260', '3.5%', '8:30', '0371-62345678', 'GB/T 9704-2012', 'https://www.gov.cn/', 'x86'];
const MARKDOWN = ['# ', '## ', '- ', '* ', '> ', '1. ', '`', '```', '[', '](', '**', '|', '---', '<!-- gongwen-lint-disable -->', '<br>', '\\'];
const SPACES = [' ', '\t', '\u3000'];
const LINE_ENDINGS = ['\n', '\n', '\r\n', '\r', '\n\n'];
const HOSTILE = ['\0', '\ud800', '\udfff', '\ud840\udc00', '\ufeff', '\ufffc'];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HAN) },
  { weight: 3, arbitrary: fc.constantFrom(...FULL_WIDTH_MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...HALF_WIDTH_MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 1, arbitrary: fc.constantFrom(...PLACEHOLDERS) },
  { weight: 1, arbitrary: fc.constantFrom(...DIGITS) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 1, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 2, arbitrary: fc.constantFrom(...LINE_ENDINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
);

/** A draft-like text of up to `maxPieces` pieces. */
export function draftText(maxPieces = 60): fc.Arbitrary<string> {
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/** The same, without what UTF-8 or GB18030 cannot encode (unpaired surrogates) or a BOM-less file cannot hold (NUL). */
export function encodableDraftText(maxPieces = 60): fc.Arbitrary<string> {
  return draftText(maxPieces).map((text) => text.replace(/[\0\ud800-\udfff]/g, (found, at: number, whole: string) => {
    // Keep well-formed surrogate pairs, drop the rest.
    const code = found.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = whole.charCodeAt(at + 1);
      return next >= 0xdc00 && next <= 0xdfff ? found : '';
    }
    if (code >= 0xdc00 && code <= 0xdfff) {
      const previous = whole.charCodeAt(at - 1);
      return previous >= 0xd800 && previous <= 0xdbff ? found : '';
    }
    return '';
  }));
}

/** Cuts a text into runs at the given places (possibly empty runs), as Word does on every edit. */
export function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let previous = 0;
  for (const point of points) {
    pieces.push(text.slice(previous, point));
    previous = point;
  }
  pieces.push(text.slice(previous));
  return pieces;
}
