import { describe, expect, it } from 'vitest';
import rule from '../../rules/number-usage.js';
import { corpusFiles, corpusFindings, sortByPlace } from '../helpers/corpus.js';
import { lintWithRule, runRuleTests } from '../helpers/rule-tester.js';

runRuleTests(rule, {
  valid: [
    '全县约100人参加了培训。',
    '全县100人左右参加了培训。',
    { name: '节约 is no approximation', code: '通过集中采购，全年节约财政资金100万元左右。' },
    { name: '制约 is no approximation', code: '制约30个左右重点项目推进的问题已基本解决。' },
    { name: '约 and 左右 in different clauses', code: '约有10人缺席，左右两侧座位空出。' },
    { name: '左右为难', code: '约谈对象共5人，个别干部左右为难。' },
    '全年完成固定资产投资1260万元。',
    { name: 'a half-width thousands separator', code: '共投入专项资金1,260万元。' },
    { name: 'a list of three-digit numbers with 顿号', code: '三个片区面积分别为100、200、300平方米。' },
    { name: 'years in a list', code: '2018、2019、2020年连续三年获评先进单位。' },
    { name: 'two clauses with numbers', code: '计划新建学校12，改扩建学校8所。' },
    { name: '万 and 亿 after Arabic digits', code: '全市常住人口达到1200万人，地区生产总值突破2.5万亿元。' },
    { name: 'a large number with 亿 and 万', code: '我国1982年人口普查人数为10亿零817万5288人。' },
    { name: 'a unit with 千', code: '新建农村公路3千米。' },
    { name: 'kilovolt', code: '加快建设750千伏输变电工程。' },
    { name: 'kilowatt-hours', code: '全年发电量达到12千瓦时。' },
    { name: 'Chinese numerals', code: '全市共有一千二百名志愿者参加活动。' },
    { name: '多 after a number', code: '全县100多人参加了应急演练。' },
    { name: 'a Chinese-numeral number written digit by digit', code: '一二〇急救中心全天候值守。' },
    { name: 'a weekday before a time', code: '每周一9时召开例会。' },
    { name: '统一 before a number', code: '统一10项服务标准。' },
    { name: '之一 before a number', code: '是全省10个试点县之一2个示范区所在地。' },
    { name: 'a year in Chinese numerals is date-format’s', code: '二0二四年全县经济运行总体平稳。' },
    { name: 'a decimal before 百亿亿', code: '智算中心算力达到10.36百亿亿次/秒。' },
    { name: 'a number with 零 in Chinese', code: '全县共有一百零八个行政村。' },
    { name: 'ordinal 第一 before a number', code: '第一10名获奖选手名单如下。' },
  ],
  invalid: [
    {
      code: '全县约100人左右参加了培训。',
      errors: [{ messageId: 'doubleApproximation', line: 1, column: 3, endColumn: 10, data: { first: '约' }, suggestions: ['全县约100人参加了培训。', '全县100人左右参加了培训。'] }],
    },
    {
      code: '大约三成左右的村集体经济收入超过10万元。',
      errors: [{ messageId: 'doubleApproximation', line: 1, column: 1, endColumn: 7, data: { first: '大约' }, suggestions: ['大约三成的村集体经济收入超过10万元。', '三成左右的村集体经济收入超过10万元。'] }],
    },
    {
      code: '全市约有500家企业左右完成了数字化改造。',
      errors: [{ messageId: 'doubleApproximation', line: 1, column: 3, endColumn: 13 }],
    },
    {
      code: '项目总投资约2.5亿元左右。',
      errors: [{ messageId: 'doubleApproximation', line: 1, column: 6, endColumn: 14 }],
    },
    {
      code: '增幅约为15%左右。',
      errors: [{ messageId: 'doubleApproximation', line: 1, column: 3, endColumn: 10 }],
    },
    {
      code: '比上年提高约十三个百分点左右。',
      errors: [{ messageId: 'doubleApproximation', line: 1, column: 6, endColumn: 15 }],
    },
    {
      code: '预计需要约两个月左右完成。',
      errors: [{ messageId: 'doubleApproximation', line: 1, column: 5, endColumn: 11 }],
    },
    {
      code: '共投入资金1，000万元。',
      errors: [{ messageId: 'separator', line: 1, column: 6, endColumn: 11, data: { mark: '，', expected: '1000' }, suggestions: ['共投入资金1000万元。'] }],
    },
    {
      code: '粮食产量达到33，212万吨。',
      errors: [{ messageId: 'separator', line: 1, column: 7, endColumn: 13, data: { expected: '33212' } }],
    },
    {
      code: '全省新增就业岗位1，250，000个。',
      errors: [{ messageId: 'separator', line: 1, column: 9, endColumn: 18, data: { expected: '1250000' } }],
    },
    {
      name: 'a 顿号 before a group that opens with 0',
      code: '参加培训的干部共2、000人。',
      errors: [{ messageId: 'separator', line: 1, column: 9, endColumn: 14, data: { mark: '、' } }],
    },
    {
      code: '年产值1，350亿元，同比增长8%。',
      errors: [{ messageId: 'separator', line: 1, column: 4, endColumn: 9 }],
    },
    {
      code: '收到捐款3千5百元。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 5, endColumn: 9, suggestions: ['收到捐款3500元。'] }],
    },
    {
      code: '全年接待游客1百万人次。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 7, endColumn: 10, suggestions: ['全年接待游客100万人次。'] }],
    },
    {
      code: '一般公共预算收入突破9千亿元。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 11, endColumn: 14, suggestions: ['一般公共预算收入突破9000亿元。'] }],
    },
    {
      code: '共有1百零8个项目通过验收。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 3, endColumn: 7, suggestions: ['共有108个项目通过验收。'] }],
    },
    {
      code: '累计发放补贴2千5百万元。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 7, endColumn: 11, suggestions: ['累计发放补贴2500万元。'] }],
    },
    {
      code: '共有一百08个项目通过验收。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 3, endColumn: 7, suggestions: [] }],
    },
    {
      code: '全县共有二0个乡镇。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 5, endColumn: 7 }],
    },
    {
      code: '市区共设二00八个停车泊位。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 5, endColumn: 9 }],
    },
    {
      code: '第2〇3号决定。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 2, endColumn: 5 }],
    },
    {
      code: '农村公路总里程达三千5百公里。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 9, endColumn: 13, data: { found: '三千5百' } }],
    },
    {
      code: '实际到位资金5千3百2十万元。',
      errors: [{ messageId: 'mixedDigits', line: 1, column: 7, endColumn: 13, suggestions: ['实际到位资金5320万元。'] }],
    },
    {
      name: 'several findings in one paragraph',
      code: '约1，200人左右参加，收到捐款3千元5百元。',
      errors: [
        { messageId: 'doubleApproximation', line: 1, column: 1, endColumn: 10 },
        { messageId: 'separator', line: 1, column: 2, endColumn: 7 },
      ],
    },
    {
      name: 'in a Markdown table cell',
      code: '| 指标 | 数值 |\n| --- | --- |\n| 投资 | 1，500万元 |',
      format: 'md',
      errors: [{ messageId: 'separator', line: 3, column: 8, endColumn: 13 }],
    },
  ],
});

describe('number-usage severity', () => {
  it('warns by default', () => {
    expect(rule.severity).toBe('warn');
    expect(lintWithRule(rule, '约100人左右', 'txt').map((m) => m.messageId)).toEqual(['doubleApproximation']);
  });
});

/**
 * The rule over the real documents in ../shared/corpus/real. Every finding below was read against its document
 * and is a genuine departure from GB/T 15835-2011.
 */
const GENUINE_CORPUS_FINDINGS = [
  // `一般公共预算收支累计分别突破9千亿元` `工业增加值超8千亿元` `…超4千亿元` `…超3千亿元` `…超2千亿元`: 千 mixed into an
  // Arabic number (§5.3: 4000 is written `四千`, never `4千`).
  'gwr-2026-guangxi.txt:41:254 mixedDigits',
  'gwr-2026-guangxi.txt:41:272 mixedDigits',
  'gwr-2026-guangxi.txt:41:310 mixedDigits',
  'gwr-2026-guangxi.txt:41:325 mixedDigits',
  'gwr-2026-guangxi.txt:41:351 mixedDigits',
  // The 1980 Government Work Report writes thousands with a full-width comma: `33，212万吨` `1，120亿元` `62，000万吨`.
  ...[
    '23:163', '23:177', '23:221', '23:283', '27:222', '29:49', '29:65', '42:60', '49:98', '56:316', '56:369', '63:18', '63:104', '72:34', '74:55',
    '91:10', '91:29', '93:93', '93:127', '95:12', '95:31', '95:43', '95:64', '97:12', '97:34', '97:44', '97:54', '99:21', '107:16', '137:61',
  ].map((place) => `gwr-state-council-1980.txt:${place} separator`),
  // `物价上涨幅度…大约有十三个百分点左右`: 大约 and 左右 together.
  'gwr-state-council-1995.txt:30:113 doubleApproximation',
];

describe('number-usage on the published corpus', () => {
  it('finds exactly the genuine findings listed', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.messageId}`)).toEqual(sortByPlace(GENUINE_CORPUS_FINDINGS));
  });
});
