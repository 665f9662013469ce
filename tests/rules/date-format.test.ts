import { describe, expect, it } from 'vitest';
import rule from '../../rules/date-format.js';
import { corpusFiles, corpusFindings, sortByPlace } from '../helpers/corpus.js';
import { lintWithRule, runRuleTests } from '../helpers/rule-tester.js';

runRuleTests(rule, {
  valid: [
    '会议定于2024年5月8日上午9时在市政府三楼会议室召开。',
    { name: 'a leap day', code: '本办法自2024年2月29日起施行。' },
    { name: 'a leap day without a year', code: '请于2月29日前报送年度总结。' },
    { name: 'the last day of a 31-day month', code: '各单位于12月31日前完成自查。' },
    { name: 'a day without a month is not checked', code: '请各单位每月31日前报送上月统计数据。' },
    { name: 'a duration in days', code: '全市连续32日无新增病例。' },
    { name: 'a correct weekday', code: '2024年5月8日（星期三）上午召开全体会议。' },
    { name: 'a correct weekday written 周', code: '2024年10月1日（周二）至7日（周一）放假调休。' },
    { name: 'a weekday without brackets', code: '2024年5月10日星期五下午报到。' },
    {
      name: 'a holiday notice: dates of next year without a year, after a date of this year',
      code: '一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。\n二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。',
    },
    { name: 'a weekday in a year with X blanks', code: '20XX年5月8日（星期四）召开动员大会。' },
    { name: 'a weekday with no year anywhere', code: '5月8日（星期四）召开动员大会。' },
    { name: 'a lunar date', code: '农历八月三十日为传统庙会。' },
    { name: 'a 成文日期', code: '国务院办公厅\n2024年5月8日' },
    { name: 'a 成文日期 in Chinese numerals before GB/T 9704-2012', code: '国务院办公厅\n二〇〇四年三月二日' },
    { name: 'a correct Chinese-numeral year', code: '二〇二四年是实现“十四五”规划目标任务的关键一年。' },
    { name: 'a Chinese-numeral year of the last century', code: '一九九〇年以来，全县粮食产量稳步增长。' },
    { name: 'a numeric date in a web-page header', code: '时间：2026-02-02' },
    { name: 'a time stamp', code: '发布时间：2024-05-08 10:30' },
    { name: 'a file name', code: '请下载附件统计表2024-05-08.xlsx填报。' },
    { name: 'a version string', code: '系统已升级至版本2024.5.8。' },
    { name: 'a URL', code: '全文见https://www.gov.cn/zhengce/2024/5/8/content.htm。' },
    { name: 'a numeric date in a table cell', code: '| 事项 | 时限 |\n| --- | --- |\n| 报送材料 | 2024.5.8 |', format: 'md' },
    { name: 'a year and month with a dot', code: '截至2024.5，全市累计完成投资100亿元。' },
    { name: 'a decimal before 月 is no date', code: '平均工期缩短2.5月。' },
    { name: 'a 成文日期 in brackets', code: '（2024年5月8日）' },
    { name: 'a zero-padded date alone in a table cell is no 成文日期', code: '| 事项 | 时限 |\n| --- | --- |\n| 报送材料 | 2024年05月08日 |', format: 'md' },
    { name: '〇 in a house number is not a year', code: '一〇八号院' },
  ],
  invalid: [
    {
      code: '请各乡镇于2024年2月30日前报送自查报告。',
      errors: [{ messageId: 'noSuchDay', line: 1, column: 6, endColumn: 16, data: { date: '2024年2月30日', reason: '2月只有29天' } }],
    },
    {
      code: '各单位务必于4月31日前完成整改。',
      errors: [{ messageId: 'noSuchDay', line: 1, column: 7, endColumn: 12, data: { reason: '4月只有30天' } }],
    },
    {
      name: 'February 29 in a common year',
      code: '本通知自2023年2月29日起执行。',
      errors: [{ messageId: 'noSuchDay', line: 1, column: 5, endColumn: 15, data: { reason: '2023年不是闰年，2月只有28天' } }],
    },
    {
      code: '会议于2024年13月5日召开。',
      errors: [{ messageId: 'noSuchMonth', line: 1, column: 4, endColumn: 14, data: { date: '2024年13月5日' } }],
    },
    {
      code: '定于6月31日举行签约仪式。',
      errors: [{ messageId: 'noSuchDay', line: 1, column: 3, endColumn: 8 }],
    },
    {
      code: '请于5月32日前提交申报材料。',
      errors: [{ messageId: 'noSuchDay', line: 1, column: 3, endColumn: 8 }],
    },
    {
      name: 'a Chinese-numeral date that does not exist',
      code: '二〇二三年二月三十日',
      errors: [{ messageId: 'noSuchDay', line: 1, column: 1, endColumn: 11, data: { reason: '2023年不是闰年，2月只有28天' } }],
    },
    {
      name: 'a weekday that does not match',
      code: '定于2024年5月8日（星期四）召开全县安全生产工作会议。',
      errors: [{ messageId: 'wrongWeekday', line: 1, column: 13, endColumn: 16, data: { right: '星期三', written: '星期四' }, suggestions: ['定于2024年5月8日（星期三）召开全县安全生产工作会议。'] }],
    },
    {
      name: 'a weekday written 周',
      code: '2024年10月1日（周一）上午举行升旗仪式。',
      errors: [{ messageId: 'wrongWeekday', line: 1, column: 12, endColumn: 14, data: { right: '星期二' }, suggestions: ['2024年10月1日（周二）上午举行升旗仪式。'] }],
    },
    {
      name: 'a weekday after the date without brackets',
      code: '请于2024年6月3日星期二下午3时前报到。',
      errors: [{ messageId: 'wrongWeekday', line: 1, column: 12, endColumn: 15, data: { right: '星期一' } }],
    },
    {
      name: 'a weekday read in the year mentioned above',
      code: '一、元旦：2019年1月1日放假，共1天。\n二、春节：2月4日至10日放假调休，共7天。2月2日（星期五）上班。',
      errors: [{ messageId: 'wrongWeekdayNearYear', line: 2, column: 28, endColumn: 31, data: { year: 2019, right: '星期六' } }],
    },
    {
      name: 'a 成文日期 with leading zeros',
      code: '县人民政府办公室\n2024年05月08日',
      errors: [{ messageId: 'leadingZero', line: 2, column: 1, endColumn: 12, data: { expected: '2024年5月8日' } }],
      output: '县人民政府办公室\n2024年5月8日',
    },
    {
      name: 'a 成文日期 with a leading zero in the day only',
      code: '市教育局\n　　　　2024年10月01日',
      errors: [{ messageId: 'leadingZero', line: 2, column: 5, endColumn: 16 }],
      output: '市教育局\n　　　　2024年10月1日',
    },
    {
      name: 'a 成文日期 with a two-digit year',
      code: '市发展改革委\n24年5月8日',
      errors: [{ messageId: 'shortYear', line: 2, column: 1, endColumn: 3, suggestions: ['市发展改革委\n2024年5月8日'] }],
    },
    {
      name: 'a 成文日期 in Chinese numerals after GB/T 9704-2012',
      code: '国务院办公厅\n二〇二四年五月八日',
      errors: [{ messageId: 'chineseSigningDate', line: 2, column: 1, endColumn: 10, data: { expected: '2024年5月8日' } }],
      output: '国务院办公厅\n2024年5月8日',
    },
    {
      name: 'a 成文日期 in Chinese numerals with a wrong zero is converted in one fix',
      code: '县人民政府\n二O二三年十二月三十一日',
      errors: [{ messageId: 'chineseSigningDate', line: 2, column: 1, endColumn: 13 }],
      output: '县人民政府\n2023年12月31日',
    },
    {
      name: 'the letter O in a Chinese-numeral year',
      code: '二O二四年全县经济运行总体平稳。',
      errors: [{ messageId: 'yearZero', line: 1, column: 1, endColumn: 5, data: { expected: '二〇二四年' } }],
      output: '二〇二四年全县经济运行总体平稳。',
    },
    {
      name: 'the digit 0 in a Chinese-numeral year',
      code: '二0二四年工作要点',
      errors: [{ messageId: 'yearZero', line: 1, column: 1, endColumn: 5 }],
      output: '二〇二四年工作要点',
    },
    {
      name: '零 in a Chinese-numeral year',
      code: '二零二一年是中国共产党成立一百周年。',
      errors: [{ messageId: 'yearZero', line: 1, column: 1, endColumn: 5 }],
      output: '二〇二一年是中国共产党成立一百周年。',
    },
    {
      name: 'the circle ○ in a Chinese-numeral year',
      code: '自一九八○年起实行。',
      errors: [{ messageId: 'yearZero', line: 1, column: 2, endColumn: 6 }],
      output: '自一九八〇年起实行。',
    },
    {
      name: 'a Chinese-numeral year with several wrong zeros',
      code: '（二○○八年八月八日国务院第二十次常务会议通过）',
      errors: [{ messageId: 'yearZero', line: 1, column: 2, endColumn: 6 }],
      output: '（二〇〇八年八月八日国务院第二十次常务会议通过）',
    },
    {
      name: 'a dotted date in running text (a warning)',
      code: '会议定于2024.5.8在县政府召开。',
      errors: [{ messageId: 'numericDate', line: 1, column: 5, endColumn: 13, data: { expected: '2024年5月8日' }, suggestions: ['会议定于2024年5月8日在县政府召开。'] }],
    },
    {
      code: '请于2024-05-08前将材料报送至县应急管理局。',
      errors: [{ messageId: 'numericDate', line: 1, column: 3, endColumn: 13, suggestions: ['请于2024年5月8日前将材料报送至县应急管理局。'] }],
    },
    {
      code: '自2024/5/8起，全面推行“一网通办”。',
      errors: [{ messageId: 'numericDate', line: 1, column: 2, endColumn: 10 }],
    },
    {
      name: 'a dotted date with a full-width dot',
      code: '截止时间为2024．6．30下午5时。',
      errors: [{ messageId: 'numericDate', line: 1, column: 6, endColumn: 15 }],
    },
    {
      name: 'a wrong date in a Markdown list item',
      code: '- 9月31日前完成验收',
      format: 'md',
      errors: [{ messageId: 'noSuchDay', line: 1, column: 3, endColumn: 8 }],
    },
  ],
});

describe('date-format severities', () => {
  it('reports numeric dates in running text as warnings, the rest as errors', () => {
    const messages = lintWithRule(rule, '会议定于2024.5.8召开。\n请于2024年2月30日前报送。');
    expect(messages.map((m) => [m.messageId, m.severity])).toEqual([
      ['numericDate', 1],
      ['noSuchDay', 2],
    ]);
  });
});

/**
 * The rule over the real documents in ../shared/corpus/real. Every finding below was read against its document:
 * each is a Chinese-numeral year written with the circle ○ (U+25CB) for 〇 (U+3007), which GB/T 15835-2011
 * §5.2.5 names as the zero of a year.
 */
const GENUINE_CORPUS_FINDINGS = [
  // `（二○○四年六月十六日国务院…）`
  'govcn-2004-guofa-18-notice.txt:9:2 yearZero',
  // `一九六○年` in the Government Work Reports of 1960, 1964 and `一九八○年` in that of 1975.
  'gwr-state-council-1960.txt:80:37 yearZero',
  'gwr-state-council-1964.txt:16:38 yearZero',
  'gwr-state-council-1964.txt:18:115 yearZero',
  'gwr-state-council-1964.txt:32:159 yearZero',
  'gwr-state-council-1975.txt:32:71 yearZero',
  'gwr-state-council-1975.txt:34:34 yearZero',
  // The 成文日期 `二○一二年一月九日` (before GB/T 9704-2012, so its Chinese numerals are right; its ○ is not).
  'pkulaw-2012-xinyu-green-building-notice.txt:11:3 yearZero',
];

describe('date-format on the published corpus', () => {
  it('finds exactly the genuine findings listed', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.messageId}`)).toEqual(sortByPlace(GENUINE_CORPUS_FINDINGS));
  });
});
