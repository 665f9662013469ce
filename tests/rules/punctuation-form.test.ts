import { describe, expect, it } from 'vitest';
import rule from '../../rules/punctuation-form.js';
import { corpusFiles, corpusFindings, sortByPlace } from '../helpers/corpus.js';
import { runRuleTests } from '../helpers/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'English prose writes its ellipsis as one …',
      code: 'The licence note reads "本作品…属于公有领域" and is followed by the words Public domain… in the page footer.',
    },
    '持续推进改革……',
    '会议于2024-05-01在市政府召开。',
    '严格执行GB/T 9704-2012标准。',
    '联系电话：0371-67891234。',
    '加快建设中国—东盟自由贸易区。',
    '建强南宁—柳州—桂林经济走廊。',
    '沈括（1031—1095）是北宋科学家。',
    '考试时间为7:30—8:10。',
    '规划期为2020—2024年。',
    '项目选址距市区5～10公里。',
    '采购型号为ZL50-3的装载机。',
    '系统版本v1.2-3已发布。',
    'See the example... and more.',
    { name: 'twelve dots mark an omitted paragraph', code: '…………' },
    { name: 'a table-of-contents leader', code: '第一章 总则..........1' },
    '坚持问题导向——这是我们的基本方法。',
    '严格执行JGJ 59-2011标准。',
    '已通过ISO 9001:2015质量管理体系认证。',
    '值班电话：6789-1234。',
    '会议于2024-5-1召开。',
    { name: 'a hyphen between Chinese words is not a number range', code: '推进中国-东盟合作。' },
    '详见https://www.gov.cn/zhengce/2024-01/content.htm。',
    '预计气温为-5-10℃。',
    '页码：1-5',
    '编制国土空间规划纲要（2018—2035年）。',
    { name: 'a single — before a place name is the 一字线 of GB/T 15834', code: '开通青岛—即墨城际公交。' },
    { code: '执行`2020-2024`年度计划', format: 'md' },
    { code: '持续推进**改革**……', format: 'md' },
    { code: '参见`config...`中的设置。', format: 'md' },
    { name: 'spaced dots in English text', code: '该系统提示 Loading ... please wait，属正常现象。' },
    { name: 'spaced dots with Chinese on one side only', code: '界面显示处理中 ... done' },
    '推行“一网通办”和‘最多跑一次’改革。',
    { name: 'corner quotes in traditional script, where they are the convention', code: '我們的財政是「取之於民，用之於民」的人民的財政。' },
  ],
  invalid: [
    {
      code: '推行「一网通办」改革',
      errors: [{ messageId: 'cornerQuotes', line: 1, column: 3, endColumn: 9, data: { found: '「」', fixed: '“”' } }],
      output: '推行“一网通办”改革',
    },
    {
      name: 'corner quotes inside corner quotes: the inner pair, then the outer in the next pass',
      code: '他说：「要把『三农』工作抓好」。',
      errors: [
        { messageId: 'cornerQuotes', line: 1, column: 4, endColumn: 16, data: { found: '「」', fixed: '“”' } },
        { messageId: 'cornerQuotes', line: 1, column: 7, endColumn: 11, data: { found: '『』', fixed: '‘’' } },
      ],
      output: '他说：「要把‘三农’工作抓好」。',
    },
    {
      name: 'a corner quote without its partner',
      code: '开展『双随机、一公开监管',
      errors: [{ messageId: 'cornerQuotes', line: 1, column: 3, endColumn: 4, data: { found: '『', fixed: '‘' } }],
      output: '开展‘双随机、一公开监管',
    },
    {
      name: 'spaced dots between Chinese, spaces and all',
      code: '完成了前期调研 ... 下一步将形成报告',
      errors: [{ messageId: 'ellipsis', line: 1, column: 9, endColumn: 12, data: { found: '...' } }],
      output: '完成了前期调研……下一步将形成报告',
    },
    {
      code: '要持续推进改革...',
      errors: [{ messageId: 'ellipsis', line: 1, column: 8, endColumn: 11, data: { found: '...' } }],
      output: '要持续推进改革……',
    },
    {
      code: '加强组织领导。。。',
      errors: [{ messageId: 'ellipsis', line: 1, column: 7, endColumn: 10, data: { found: '。。。' } }],
      output: '加强组织领导……',
    },
    {
      code: '推进教育、卫生、文化…',
      errors: [{ messageId: 'ellipsis', line: 1, column: 11, endColumn: 12, data: { found: '…' } }],
      output: '推进教育、卫生、文化……',
    },
    {
      code: '“十四五”期间（2021-2025年）要重点抓好三项工作',
      errors: [{ messageId: 'rangeDash', line: 1, column: 9, endColumn: 19, data: { found: '2021-2025年', fixed: '2021—2025年' } }],
      output: '“十四五”期间（2021—2025年）要重点抓好三项工作',
    },
    {
      code: '《社会信用体系建设规划纲要（2014-2020年）》',
      errors: [{ messageId: 'rangeDash', line: 1, column: 15, endColumn: 25 }],
      output: '《社会信用体系建设规划纲要（2014—2020年）》',
    },
    {
      code: '会议时间为8:30-10:00，地点另行通知',
      errors: [{ messageId: 'rangeDash', line: 1, column: 6, endColumn: 16, data: { fixed: '8:30—10:00' } }],
      output: '会议时间为8:30—10:00，地点另行通知',
    },
    {
      code: '每年3-5月为森林防火期',
      errors: [{ messageId: 'rangeDash', line: 1, column: 3, endColumn: 7 }],
      output: '每年3—5月为森林防火期',
    },
    {
      code: '展会于5月1日-3日举行',
      errors: [{ messageId: 'rangeDash', line: 1, column: 6, endColumn: 11 }],
      output: '展会于5月1日—3日举行',
    },
    {
      code: '规划期为2020年-2024年',
      errors: [{ messageId: 'rangeDash', line: 1, column: 5, endColumn: 16 }],
      output: '规划期为2020年—2024年',
    },
    {
      code: '时间跨度为2023年5月-2024年3月',
      errors: [{ messageId: 'rangeDash', line: 1, column: 11, endColumn: 19 }],
      output: '时间跨度为2023年5月—2024年3月',
    },
    {
      code: '项目选址距市区5-10公里',
      errors: [
        {
          messageId: 'valueRange',
          line: 1,
          column: 8,
          endColumn: 12,
          data: { found: '5-10', tilde: '5～10', dash: '5—10' },
          suggestions: ['项目选址距市区5～10公里', '项目选址距市区5—10公里'],
        },
      ],
    },
    {
      code: '请于3-5个工作日内办结',
      errors: [{ messageId: 'valueRange', line: 1, column: 3, endColumn: 6, suggestions: ['请于3～5个工作日内办结', '请于3—5个工作日内办结'] }],
    },
    {
      code: '地区生产总值增长4.5%-5%',
      errors: [{ messageId: 'valueRange', line: 1, column: 9, endColumn: 16, data: { tilde: '4.5%～5%' } }],
    },
    {
      code: '第3-5条规定了处罚标准',
      errors: [{ messageId: 'valueRange', line: 1, column: 2, endColumn: 5 }],
    },
    {
      name: 'a single — that introduces an explanation',
      code: '我们的目标—即建设现代化强市',
      errors: [{ messageId: 'dash', line: 1, column: 6, endColumn: 7, data: { found: '—' } }],
      output: '我们的目标——即建设现代化强市',
    },
    {
      code: '核心问题--就是抓落实',
      errors: [{ messageId: 'dash', line: 1, column: 5, endColumn: 7, data: { found: '--' } }],
      output: '核心问题——就是抓落实',
    },
    {
      name: 'three … may be two or four: a suggestion, not a fix',
      code: '各项工作有序推进………',
      errors: [{ messageId: 'ellipsis', line: 1, column: 9, endColumn: 12, suggestions: ['各项工作有序推进……'] }],
    },
    {
      code: '总结经验、查找不足......',
      errors: [{ messageId: 'ellipsis', line: 1, column: 10, endColumn: 16 }],
      output: '总结经验、查找不足……',
    },
    {
      code: '工作还有很多不足。。。。。。',
      errors: [{ messageId: 'ellipsis', line: 1, column: 9, endColumn: 15 }],
      output: '工作还有很多不足……',
    },
    {
      code: '情况较为复杂．．．',
      errors: [{ messageId: 'ellipsis', line: 1, column: 7, endColumn: 10 }],
      output: '情况较为复杂……',
    },
    {
      code: '规划期为2020–2024年',
      errors: [{ messageId: 'rangeDash', line: 1, column: 5, endColumn: 15 }],
      output: '规划期为2020—2024年',
    },
    {
      code: '规划期为2020－2024年',
      errors: [{ messageId: 'rangeDash', line: 1, column: 5, endColumn: 15 }],
      output: '规划期为2020—2024年',
    },
    {
      name: 'two years in brackets without 年',
      code: '实施方案（2015-2020）',
      errors: [{ messageId: 'rangeDash', line: 1, column: 6, endColumn: 15 }],
      output: '实施方案（2015—2020）',
    },
    {
      code: '经费预算为2024-2025财年',
      errors: [{ messageId: 'rangeDash', line: 1, column: 6, endColumn: 15 }],
      output: '经费预算为2024—2025财年',
    },
    {
      code: '一、总体要求\n集中整治时间为1-2月',
      errors: [{ messageId: 'rangeDash', line: 2, column: 8, endColumn: 12 }],
      output: '一、总体要求\n集中整治时间为1—2月',
    },
    {
      code: '空气质量优良天数比例提高10%-20%',
      errors: [{ messageId: 'valueRange', line: 1, column: 13, endColumn: 20 }],
    },
    {
      code: '阅览室每天8:00-12:00、14:30-18:00开放',
      errors: [
        { messageId: 'rangeDash', line: 1, column: 6, endColumn: 16 },
        { messageId: 'rangeDash', line: 1, column: 17, endColumn: 28 },
      ],
      output: '阅览室每天8:00—12:00、14:30—18:00开放',
    },
    {
      code: '13-15岁青少年',
      errors: [{ messageId: 'valueRange', line: 1, column: 1, endColumn: 6 }],
    },
    {
      code: '连续3-5年扎扎实实抓下去',
      errors: [{ messageId: 'valueRange', line: 1, column: 3, endColumn: 7, data: { found: '3-5年' } }],
    },
    {
      code: '持续推进**改革...**',
      format: 'md',
      errors: [{ messageId: 'ellipsis', line: 1, column: 9, endColumn: 12 }],
      output: '持续推进**改革……**',
    },
  ],
});

describe('with the Markdown parser', () => {
  runRuleTests(rule, {
    valid: [{ name: 'a range inside inline code is code (needs the Markdown parser)', code: '参见`2020-2024年`字段的取值。', format: 'md' }],
    invalid: [
      {
        name: 'emphasis between the Chinese text and the dots (needs the Markdown parser)',
        code: '持续推进**改革**...',
        format: 'md',
        errors: [{ messageId: 'ellipsis', line: 1, column: 11, endColumn: 14 }],
        output: '持续推进**改革**……',
      },
      {
        name: 'a link before the year range (needs the Markdown parser)',
        code: '印发[规划](https://www.gov.cn/a.html)（2021-2025年）',
        format: 'md',
        errors: [{ messageId: 'rangeDash', line: 1, column: 35, endColumn: 45 }],
        output: '印发[规划](https://www.gov.cn/a.html)（2021—2025年）',
      },
    ],
  });
});

describe('findings the block pre-check must not skip', () => {
  runRuleTests(rule, {
    valid: [{ name: 'dots and a year range inside a URL', code: '详见https://www.gov.cn/a...b/2020-2024/。' }],
    invalid: [
      {
        name: '。。。 at the start of a block',
        code: '。。。以上为会议纪要要点',
        errors: [{ messageId: 'ellipsis', line: 1, column: 1, endColumn: 4, data: { found: '。。。' } }],
        output: '……以上为会议纪要要点',
      },
      {
        name: '... at the start of a block',
        code: '...等各项工作',
        errors: [{ messageId: 'ellipsis', line: 1, column: 1, endColumn: 4 }],
        output: '……等各项工作',
      },
      {
        name: 'a lone explaining — in a block that also has ——',
        code: '坚持问题导向——这是方法，我们的目标—即建设现代化强市',
        errors: [{ messageId: 'dash', line: 1, column: 19, endColumn: 20, data: { found: '—' } }],
        output: '坚持问题导向——这是方法，我们的目标——即建设现代化强市',
      },
      {
        name: '-- in a block that also has ——',
        code: '坚持问题导向——这是方法，核心问题--就是抓落实',
        errors: [{ messageId: 'dash', line: 1, column: 18, endColumn: 20, data: { found: '--' } }],
        output: '坚持问题导向——这是方法，核心问题——就是抓落实',
      },
      {
        name: 'a range with a full-width hyphen at the start of a block',
        code: '3－5月为森林防火期',
        errors: [{ messageId: 'rangeDash', line: 1, column: 1, endColumn: 5 }],
        output: '3—5月为森林防火期',
      },
      {
        name: 'a range with an en dash at the end of a block',
        code: '森林防火期为3–5月',
        errors: [{ messageId: 'rangeDash', line: 1, column: 7, endColumn: 11 }],
        output: '森林防火期为3—5月',
      },
      {
        name: 'a year range after a URL that has one of its own',
        code: '详见https://www.gov.cn/2020-2024/，规划期为2021-2025年',
        errors: [{ messageId: 'rangeDash', line: 1, column: 37, endColumn: 47, data: { found: '2021-2025年' } }],
        output: '详见https://www.gov.cn/2020-2024/，规划期为2021—2025年',
      },
      {
        name: 'an ellipsis after a URL with dots in it',
        code: '详见https://www.gov.cn/a...b，具体要求...',
        errors: [{ messageId: 'ellipsis', line: 1, column: 32, endColumn: 35 }],
        output: '详见https://www.gov.cn/a...b，具体要求……',
      },
    ],
  });
});

/**
 * The rule over the real documents in ../shared/corpus/real. Every finding below was read against its document
 * and is genuine; a new or lost finding means the rule's precision or recall changed.
 */
const GENUINE_CORPUS_FINDINGS = [
  // `（2014-2020年）` `（2021-2023年）`: year ranges with a hyphen.
  'govdoccn-2019-ndrc-sta-tax-credit-notice.txt:6:90 rangeDash',
  'pkulaw-2021-anhui-industrial-internet-notice.txt:4:46 rangeDash',
  'pkulaw-2021-anhui-industrial-internet-notice.txt:10:36 rangeDash',
  'pkulaw-2021-anhui-industrial-internet-notice.txt:61:18 rangeDash',
  // `4.5%-5%` `4.5-5%` `3-5年` `2-3年`: value ranges with a hyphen (suggestions only).
  'gwr-2026-beijing.txt:43:60 valueRange',
  'gwr-2026-heilongjiang.txt:52:27 valueRange',
  'gwr-2026-jiangsu.txt:55:793 valueRange',
  'pkulaw-2022-beijing-jingxin-data-zone-opinion.txt:19:5 valueRange',
];

describe('punctuation-form on the real corpus', () => {
  it('finds exactly the genuine findings listed', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.messageId}`)).toEqual(sortByPlace(GENUINE_CORPUS_FINDINGS));
  });
});
