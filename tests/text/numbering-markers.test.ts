import { describe, expect, it } from 'vitest';
import { formatChineseNumeral, parseChineseNumeral } from '../../src/core/text/chinese-numerals.js';
import { Level, readMarker, skipLineIndent } from '../../src/core/text/numbering-markers.js';

describe('skipLineIndent', () => {
  it.each([
    ['  一、', 2],
    ['\t\t一、', 2],
    ['\u3000\u3000一、', 2],
    ['\u00a0一、', 1],
    [' \t\u3000\u00a0（一）', 4],
  ])('skips the indentation of %j', (text, end) => {
    expect(skipLineIndent(text, 0)).toBe(end);
  });

  it('stops at text, at a line break and at the end', () => {
    expect(skipLineIndent('一、总体要求', 0)).toBe(0);
    expect(skipLineIndent('  \n一、', 0)).toBe(2);
    expect(skipLineIndent('一、\u3000\u3000', 2)).toBe(4);
  });
});

describe('readMarker', () => {
  it.each([
    // text, level, number, written, correct, fixable
    ['第三章　附则', Level.Chapter, 3, '第三章', '第三章', false],
    ['第二节　职责分工', Level.Section, 2, '第二节', '第二节', false],
    ['第十二条　本办法自发布之日起施行。', Level.Article, 12, '第十二条', '第十二条', false],
    ['十一、强化宣传', Level.Chinese, 11, '十一、', '十一、', true],
    ['二.重点任务', Level.Chinese, 2, '二.', '二、', true],
    ['三，保障措施', Level.Chinese, 3, '三，', '三、', true],
    ['（一百零五）附则', Level.ParenChinese, 105, '（一百零五）', '（一百零五）', true],
    ['（二）、远期目标', Level.ParenChinese, 2, '（二）、', '（二）', true],
    ['(三)加强生态保护', Level.ParenChinese, 3, '(三)', '（三）', true],
    ['(三) reporting', Level.ParenChinese, 3, '(三)', '（三）', false],
    ['四）深化改革开放', Level.ParenChinese, 4, '四）', '（四）', true],
    ['（12）法定代表人', Level.ParenArabic, 12, '（12）', '（12）', true],
    ['(1)“双随机”抽查', Level.ParenArabic, 1, '(1)', '（1）', true],
    ['２．加强领导', Level.Arabic, 2, '２．', '２．', true],
    ['10、建立台账', Level.Arabic, 10, '10、', '10.', true],
    ['2。压实工作责任', Level.Arabic, 2, '2。', '2.', true],
    ['两、存在的问题', Level.Chinese, 2, '两、', '二、', true],
    // A heading whose text opens with a numeral or a digit.
    ['三、一个代表团可以提出议案', Level.Chinese, 3, '三、', '三、', true],
    ['四、一九四九年以来的发展', Level.Chinese, 4, '四、', '四、', true],
    ['一、一个中心', Level.Chinese, 1, '一、', '一、', true],
    ['1．1—苯基-2-丙酮', Level.Arabic, 1, '1．', '1．', true],
    ['2．3,4—亚甲基二氧苯基-2-丙酮', Level.Arabic, 2, '2．', '2．', true],
  ] as const)('reads %j', (text, level, number, written, correct, fixable) => {
    expect(readMarker(text, 0)).toMatchObject({ level, number, start: 0, end: written.length, written, correct, fixable });
  });

  it.each([
    '关于开展安全生产大检查的实施方案',
    '附件：1.任务分工表',
    '第一条规定的期限届满后',
    '(1) see the attached schedule',
    '7.9公里的道路改造工程',
    '1234.全年总结',
    '01.工作目标',
    '一、二月份全市工业增加值增长',
    '十十、重复',
    '百、不是序号',
    '〇、不是序号',
    '（一十一）不是规范写法',
    // Counted runs, sentence ends, decimals and cross-references.
    '两、三个月内完成整改',
    '二、三十年来的变化',
    '2020。',
    '1.1-2.5米的区间',
    '（四）、（五）项所列人员',
    '（二）至（四）项规定的情形',
    '(1)、(2)项以外的费用',
    '',
  ])('reads no marker at the start of %j', (text) => {
    expect(readMarker(text, 0)).toBeUndefined();
  });

  it('reads at an offset and reads nothing past the end', () => {
    expect(readMarker('　　（二）工作目标', 2)).toMatchObject({ level: Level.ParenChinese, number: 2, start: 2, end: 5 });
    expect(readMarker('一、', 2)).toBeUndefined();
    expect(readMarker('一、', 5)).toBeUndefined();
  });
});

describe('parseChineseNumeral', () => {
  it('reads every number it writes, from 1 to 999', () => {
    for (let value = 1; value <= 999; value++) expect(parseChineseNumeral(formatChineseNumeral(value))).toBe(value);
  });

  it.each(['', '〇', '零', '百', '十十', '一十一', '一十', '百一', '一百百', '一百零', '一百〇十', '二十十', '一二'])('reads no number from %j', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });

  it('reads 〇 for the zero of 一百〇五 as 零', () => {
    expect(parseChineseNumeral('一百〇五')).toBe(105);
  });
});
