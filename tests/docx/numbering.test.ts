import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/core/docx/numbering.js';

describe('formatNumber: Word numFmt values', () => {
  const cases: [string, number[], string[]][] = [
    ['decimal', [1, 10, 123], ['1', '10', '123']],
    ['decimalZero', [1, 9, 10], ['01', '09', '10']],
    ['decimalFullWidth', [1, 12], ['１', '１２']],
    ['chineseCounting', [1, 10, 11, 19, 20, 21, 99, 100, 105], ['一', '十', '十一', '十九', '二十', '二十一', '九十九', '一〇〇', '一〇五']],
    ['chineseCountingThousand', [10, 11, 100, 101, 110, 111, 1000, 1001, 1010, 10000, 10001], ['十', '十一', '一百', '一百零一', '一百一十', '一百一十一', '一千', '一千零一', '一千零一十', '一万', '一万零一']],
    ['ideographDigital', [1, 10, 2024], ['一', '一〇', '二〇二四']],
    ['chineseLegalSimplified', [1, 10, 11, 105], ['壹', '壹拾', '壹拾壹', '壹佰零伍']],
    ['ideographTraditional', [1, 10, 11], ['甲', '癸', '甲']],
    ['ideographZodiac', [1, 12], ['子', '亥']],
    ['upperLetter', [1, 26, 27, 28], ['A', 'Z', 'AA', 'BB']],
    ['lowerLetter', [3], ['c']],
    ['upperRoman', [4, 9, 14, 40, 1994], ['IV', 'IX', 'XIV', 'XL', 'MCMXCIV']],
    ['lowerRoman', [3], ['iii']],
    ['decimalEnclosedCircle', [1, 20, 21], ['①', '⑳', '21']],
    ['decimalEnclosedCircleChinese', [2], ['②']],
    ['decimalEnclosedParen', [1], ['⑴']],
    ['decimalEnclosedFullstop', [1], ['⒈']],
    ['ideographEnclosedCircle', [1, 10], ['㈠', '㈩']],
    ['none', [5], ['']],
    ['cardinalText', [5], ['5']],
  ];
  for (const [format, values, expected] of cases) {
    it(format, () => {
      expect(values.map((value) => formatNumber(value, format))).toEqual(expected);
    });
  }

  it('writes hostile values in digits instead of growing without bound', () => {
    expect(formatNumber(2_000_000_000, 'upperLetter')).toBe('2000000000');
    expect(formatNumber(-3, 'chineseCounting')).toBe('-3');
    expect(formatNumber(Number.NaN, 'decimal')).toBe('NaN');
  });
});
