import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/punctuation-width.js';
import { rules } from '../../rules/index.js';
import { fixText } from '../../src/core/fix.js';
import { lintText } from '../../src/index.js';
import { corpusFiles, corpusFindings, sortByPlace } from '../helpers/corpus.js';
import { runRuleTests } from '../helpers/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'English prose that quotes Chinese keeps its own marks',
      code: 'The notice ("关于做好安全生产工作的通知") was published in 2024, see the appendix; it is in the public domain.',
    },
    '共投入专项资金1,260万元，完成年度计划的95.6%。',
    '会议定于上午8:30在三楼会议室召开。',
    '考试时间为7:30—8:10，请考生提前到场。',
    '公文格式执行GB/T 9704-2012《党政机关公文格式》。',
    '全市地区生产总值同比增长3.5%。',
    '详见https://www.gov.cn/zhengce/content/2024-01/01/content_1.htm?id=1,2;type=3。',
    '联系邮箱：office@example.gov.cn。',
    'The Artificial Intelligence (AI) Act was adopted in 2024, and it applies to providers.',
    '人工智能（Artificial Intelligence, AI）是引领新一轮科技革命的战略性技术。',
    '所附地形图比例尺为1:10000。',
    '（一）加强组织领导。',
    '会议于2024-05-01在市政府召开。',
    '参考文献：Zhang, L. (2020). Digital Government. Beijing: Science Press.',
    '系统版本为v2.1.0 (build 1024)。',
    '关于印发《安徽省工业互联网创新发展行动计划（2021—2023年）》的通知',
    '联系电话：0371-67891234，传真：0371-67891235。',
    '阅览室每天8:00—12:00、14:30—18:00开放。',
    '坚持“两个毫不动摇”！',
    '请勾选：&#9826;电视 &#9826;广播 &#9826;报纸',
    '数据更新时间：2024-02-02 14:13:44。',
    '本赛季比分为3:2。',
    '调用print()函数输出统计结果。',
    '访问地址为http://www.example.gov.cn:8080/portal/index.html。',
    '附件：1.2024年度重点工作任务分解表',
    'Hello, world! Is this ready?',
    '外方代表在致辞中说：“We are ready to work together!”',
    '该条款英文原文为“Rules of Origin”，共有三款。',
    { code: '执行`a,b;c`命令后查看结果。', format: 'md' },
    { code: '详见[政策解读](https://www.gov.cn/zhengce/?a=1,2)。', format: 'md' },
    { code: '共投入专项资金1,260万元。', format: 'md' },
    // The rule skips the letter count of a block without ASCII letters; these check that both cases still count.
    { name: 'an English heading in capitals', code: 'ANNEX: LIST OF PARTICIPATING AGENCIES (参会单位名单)' },
    { name: 'English in lower case', code: 'for details, see the draft (征求意见稿) and annex ii.' },
    // Half-width brackets around Latin text or a formula belong to it, as published laws and standards write them.
    '推动人工智能(AI)技术在政务服务中的应用。',
    '人工智能 (Artificial Intelligence, AI) 是引领新一轮科技革命的战略性技术',
    '采用连续时间分批处理(CTPB)工艺的企业，应当单独核算能耗。',
    '双耳平均听阈(≥91dB HL)的，评定为一级听力残疾。',
    '本周完成API(Application Programming Interface)开发。',
    '综合得分按(a+b)/2计算，保留一位小数。',
    '应纳税额＝(销售额－允许扣除的项目金额)×适用税率',
    '人均面积＝总面积÷(常住人口＋流动人口)',
    '折算系数取(实际工时+加班工时)的一半。',
    // List items of GB/T 1.1 (`a)` `b)`) and numbered ones (`1)`) close a bracket that was never opened, by design.
    '申请人应当提交下列材料：\na)营业执照复印件；\nb)法定代表人身份证明；\nc)安全生产管理制度。',
    '1)加强组织领导',
    '检查分三步进行：1)自查，2)抽查，3)复查。',
    // Latin names and factorials keep their `!`.
    '该公司曾与Yahoo!合作开展网络安全演练。',
    '从5名候选人中排出先后顺序，共有5!种排法。',
    // A half-width full stop that ends no Chinese sentence.
    '全市地区生产总值增长3.5%，详见附件.docx。',
    '请填写No.1表格。',
    'Growth was 5.2%.',
    '增长率为5.2%.5%的增幅来自工业。',
    '一.总体要求',
    '１.总体要求',
    '第一.要提高政治站位。',
    '会议纪要见www.example.gov.cn/a.html。',
    '各项工作有序推进...',
    '请下载附件《申报表》.xlsx并填写。',
    // Straight quotes that are not quotation marks in Chinese text.
    '显示屏尺寸为15"和17"两种。',
    '在配置文件中写入{"name":"统计局","id":"tjj"}即可。',
    '网页模板中的标题写作title="工作动态"。',
    'He said "yes" and left.',
    '“关怀模式"“长辈模式"等适老化改造已经完成。',
    { code: '运行`echo "完成"`命令。', format: 'md' },
  ],
  invalid: [
    {
      code: '全年目标任务圆满完成.',
      errors: [{ messageId: 'fullStop', line: 1, column: 11, endColumn: 12 }],
      output: '全年目标任务圆满完成。',
    },
    {
      name: 'a half-width full stop between sentences, with the space typed after it',
      code: '会议审议通过了实施方案. 会议要求各单位抓好落实。',
      errors: [{ messageId: 'fullStop', line: 1, column: 12, endColumn: 13 }],
      output: '会议审议通过了实施方案。会议要求各单位抓好落实。',
    },
    {
      name: 'a half-width full stop after a closing bracket and at the end of a line',
      code: '具体名单见附件（共3页）.\n请各单位认真组织学习.',
      errors: [
        { messageId: 'fullStop', line: 1, column: 13, endColumn: 14 },
        { messageId: 'fullStop', line: 2, column: 11, endColumn: 12 },
      ],
      output: '具体名单见附件（共3页）。\n请各单位认真组织学习。',
    },
    {
      name: 'a half-width full stop after a percentage that ends a Chinese sentence',
      code: '全市地区生产总值同比增长5.2%.',
      errors: [{ messageId: 'fullStop', line: 1, column: 17, endColumn: 18 }],
      output: '全市地区生产总值同比增长5.2%。',
    },
    {
      code: '部分村集体经济"造血"能力不强。',
      errors: [{ messageId: 'straightQuotes', line: 1, column: 8, endColumn: 12, data: { found: '"造血"', fixed: '“造血”' } }],
      output: '部分村集体经济“造血”能力不强。',
    },
    {
      name: 'straight single quotes inside straight double quotes',
      code: '会议强调，"要把\'三农\'工作作为重中之重"。',
      errors: [{ messageId: 'straightQuotes', line: 1, column: 6, endColumn: 22 }],
      output: '会议强调，“要把‘三农’工作作为重中之重”。',
    },
    {
      name: 'two straight pairs in one paragraph, opening and closing by order',
      code: '推行"一网通办"和"最多跑一次"改革',
      errors: [
        { messageId: 'straightQuotes', line: 1, column: 3, endColumn: 9 },
        { messageId: 'straightQuotes', line: 1, column: 10, endColumn: 17 },
      ],
      output: '推行“一网通办”和“最多跑一次”改革',
    },
    {
      name: 'an English term in straight quotes inside a Chinese sentence',
      code: '该模式被称为"Smart City"建设。',
      errors: [{ messageId: 'straightQuotes', line: 1, column: 7, endColumn: 19 }],
      output: '该模式被称为“Smart City”建设。',
    },
    {
      name: 'a colon glued to Chinese and to the English text after it',
      code: '外方代表发言的原话:I have no idea后面的安排',
      errors: [{ messageId: 'halfWidth', line: 1, column: 10, endColumn: 11, data: { found: ':' } }],
      output: '外方代表发言的原话：I have no idea后面的安排',
    },
    {
      name: 'a half-width bracket pair around Chinese after Latin text',
      code: 'text(啊啊123)',
      errors: [{ messageId: 'halfWidthPair', line: 1, column: 5, endColumn: 12 }],
      output: 'text（啊啊123）',
    },
    {
      name: 'a closing bracket without a partner that is no list marker',
      code: '各单位要高度重视)认真组织实施',
      errors: [{ messageId: 'halfWidthUnpaired', line: 1, column: 9, endColumn: 10, data: { found: ')', fixed: '）' } }],
    },
    {
      code: '梳理共性问题,形成整改清单。',
      errors: [{ messageId: 'halfWidth', line: 1, column: 7, endColumn: 8, data: { found: ',', fixed: '，' } }],
      output: '梳理共性问题，形成整改清单。',
    },
    {
      code: '(一)加强组织领导',
      errors: [{ messageId: 'halfWidthPair', line: 1, column: 1, endColumn: 4, data: { found: '(一)', fixed: '（一）' } }],
      output: '（一）加强组织领导',
    },
    {
      code: '会议时间:2024年5月10日上午',
      errors: [{ messageId: 'halfWidth', line: 1, column: 5, endColumn: 6, data: { found: ':' } }],
      output: '会议时间：2024年5月10日上午',
    },
    {
      code: '现将有关事项通知如下:',
      errors: [{ messageId: 'halfWidth', line: 1, column: 11, endColumn: 12 }],
      output: '现将有关事项通知如下：',
    },
    {
      code: '是否已完成整改?请于本周内报送。',
      errors: [{ messageId: 'halfWidth', line: 1, column: 8, endColumn: 9, data: { found: '?', fixed: '？' } }],
      output: '是否已完成整改？请于本周内报送。',
    },
    {
      code: '坚决打赢污染防治攻坚战!',
      errors: [{ messageId: 'halfWidth', line: 1, column: 12, endColumn: 13, data: { found: '!', fixed: '！' } }],
      output: '坚决打赢污染防治攻坚战！',
    },
    {
      code: '签订政产学研合作协议,;坚持“引进来”',
      errors: [{ messageId: 'halfWidth', line: 1, column: 11, endColumn: 13, data: { found: ',;', fixed: '，；' } }],
      output: '签订政产学研合作协议，；坚持“引进来”',
    },
    {
      name: 'a space typed after the half-width mark goes with it',
      code: '整改工作已经完成, 下一步将开展“回头看”。',
      errors: [{ messageId: 'halfWidth', line: 1, column: 9, endColumn: 10 }],
      output: '整改工作已经完成，下一步将开展“回头看”。',
    },
    {
      code: '20210615:在全市科技系统现场会上的讲话',
      errors: [{ messageId: 'halfWidth', line: 1, column: 9, endColumn: 10 }],
      output: '20210615：在全市科技系统现场会上的讲话',
    },
    {
      code: '政策原文网址:https://www.gov.cn/zhengce/',
      errors: [{ messageId: 'halfWidth', line: 1, column: 7, endColumn: 8 }],
      output: '政策原文网址：https://www.gov.cn/zhengce/',
    },
    {
      name: 'a half-width bracket closing a full-width one',
      code: '（一)加强组织领导',
      errors: [{ messageId: 'halfWidth', line: 1, column: 3, endColumn: 4, data: { found: ')', fixed: '）' } }],
      output: '（一）加强组织领导',
    },
    {
      name: 'marks inside a bracket pair: the inner fix first, the pair in the next pass',
      code: '(注:本表数据截至2024年6月底)',
      errors: [
        { messageId: 'halfWidthPair', line: 1, column: 1, endColumn: 19, data: { found: '(注:本表数据截至…)' } },
        { messageId: 'halfWidth', line: 1, column: 3, endColumn: 4 },
      ],
      output: '(注：本表数据截至2024年6月底)',
    },
    {
      code: '定于上午8:30在三楼会议室召开,请准时参加',
      errors: [{ messageId: 'halfWidth', line: 1, column: 17, endColumn: 18 }],
      output: '定于上午8:30在三楼会议室召开，请准时参加',
    },
    {
      code: '共投入资金1,260万元,完成率95.6%',
      errors: [{ messageId: 'halfWidth', line: 1, column: 13, endColumn: 14 }],
      output: '共投入资金1,260万元，完成率95.6%',
    },
    {
      code: '严格执行GB/T 9704-2012标准;各单位要对照检查',
      errors: [{ messageId: 'halfWidth', line: 1, column: 21, endColumn: 22, data: { found: ';', fixed: '；' } }],
      output: '严格执行GB/T 9704-2012标准；各单位要对照检查',
    },
    {
      code: '联系邮箱:office@example.gov.cn',
      errors: [{ messageId: 'halfWidth', line: 1, column: 5, endColumn: 6 }],
      output: '联系邮箱：office@example.gov.cn',
    },
    {
      code: '怎么办?!这是摆在我们面前的现实问题',
      errors: [{ messageId: 'halfWidth', line: 1, column: 4, endColumn: 6, data: { found: '?!', fixed: '？！' } }],
      output: '怎么办？！这是摆在我们面前的现实问题',
    },
    {
      code: '坚持“创新”,“协调”,“绿色”发展理念',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 7, endColumn: 8 },
        { messageId: 'halfWidth', line: 1, column: 12, endColumn: 13 },
      ],
      output: '坚持“创新”，“协调”，“绿色”发展理念',
    },
    {
      name: 'a comma after a closing quote at the end of a line',
      code: '坚持“创新”,',
      errors: [{ messageId: 'halfWidth', line: 1, column: 7, endColumn: 8 }],
      output: '坚持“创新”，',
    },
    {
      code: '数据经统计软件Stata处理,结果显示差异显著',
      errors: [{ messageId: 'halfWidth', line: 1, column: 15, endColumn: 16 }],
      output: '数据经统计软件Stata处理，结果显示差异显著',
    },
    {
      code: '一、总体要求\n(一)指导思想',
      errors: [{ messageId: 'halfWidthPair', line: 2, column: 1, endColumn: 4 }],
      output: '一、总体要求\n（一）指导思想',
    },
    {
      code: '各乡镇人民政府,县政府各部门:',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 8, endColumn: 9 },
        { messageId: 'halfWidth', line: 1, column: 15, endColumn: 16 },
      ],
      output: '各乡镇人民政府，县政府各部门：',
    },
    {
      name: 'a bracket pair and the comma touching it: one fix per pass, the other in the next',
      code: '报告期内(2023年1月—12月),全市经济运行稳中有进',
      errors: [
        { messageId: 'halfWidthPair', line: 1, column: 5, endColumn: 18 },
        { messageId: 'halfWidth', line: 1, column: 18, endColumn: 19 },
      ],
      output: '报告期内(2023年1月—12月)，全市经济运行稳中有进',
    },
    {
      code: '地址:郑州市金水路1号,邮编:450000',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 3, endColumn: 4 },
        { messageId: 'halfWidth', line: 1, column: 12, endColumn: 13 },
        { messageId: 'halfWidth', line: 1, column: 15, endColumn: 16 },
      ],
      output: '地址：郑州市金水路1号，邮编：450000',
    },
    {
      code: '需安装Windows 10(64位)操作系统',
      errors: [{ messageId: 'halfWidthPair', line: 1, column: 14, endColumn: 19 }],
      output: '需安装Windows 10（64位）操作系统',
    },
    {
      code: '国家级(Ⅰ级)应急响应由国务院决定启动',
      errors: [{ messageId: 'halfWidthPair', line: 1, column: 4, endColumn: 8 }],
      output: '国家级（Ⅰ级）应急响应由国务院决定启动',
    },
    {
      code: '如果喜欢本篇内容,请转发!',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 9, endColumn: 10 },
        { messageId: 'halfWidth', line: 1, column: 13, endColumn: 14 },
      ],
      output: '如果喜欢本篇内容，请转发！',
    },
    {
      name: 'CRLF line endings',
      code: '一、工作开展情况\r\n加强科技人才工作,夯实发展基础。\r\n',
      errors: [{ messageId: 'halfWidth', line: 2, column: 9, endColumn: 10 }],
      output: '一、工作开展情况\r\n加强科技人才工作，夯实发展基础。\r\n',
    },
    // The rule searches blocks for half-width marks and brackets natively and skips the rest: every kind of
    // finding, with each mark or bracket alone in its block, at the start and end of a block, and beside URLs.
    {
      name: 'an opening bracket alone',
      code: '请于5月10日前报送(逾期不予受理',
      errors: [{ messageId: 'halfWidthUnpaired', line: 1, column: 11, endColumn: 12, data: { found: '(', fixed: '（' } }],
    },
    {
      name: 'a half-width bracket opening a full-width one',
      code: '(一）加强组织领导',
      errors: [{ messageId: 'halfWidth', line: 1, column: 1, endColumn: 2, data: { found: '(', fixed: '（' } }],
      output: '（一）加强组织领导',
    },
    {
      name: 'a mark whose only Chinese neighbour is a half-width bracket in Chinese text',
      code: '具体安排如下(详见附表):',
      errors: [
        { messageId: 'halfWidthPair', line: 1, column: 7, endColumn: 13, data: { found: '(详见附表)' } },
        { messageId: 'halfWidth', line: 1, column: 13, endColumn: 14, data: { found: ':' } },
      ],
      output: '具体安排如下(详见附表)：',
    },
    {
      name: 'a mark at the start of a block',
      code: '各区县人民政府\n\n,市政府各部门：',
      format: 'md',
      errors: [{ messageId: 'halfWidth', line: 3, column: 1, endColumn: 2 }],
      output: '各区县人民政府\n\n，市政府各部门：',
    },
    {
      name: 'a mark right after a URL',
      code: '详见https://www.gov.cn/a.html?id=1,2,请认真落实',
      errors: [{ messageId: 'halfWidth', line: 1, column: 35, endColumn: 36 }],
      output: '详见https://www.gov.cn/a.html?id=1,2，请认真落实',
    },
    {
      name: 'a mark after a Han character outside the Basic Multilingual Plane',
      code: '经办人为王𠮷,联系电话010-12345678',
      errors: [{ messageId: 'halfWidth', line: 1, column: 8, endColumn: 9 }],
      output: '经办人为王𠮷，联系电话010-12345678',
    },
    {
      name: 'brackets between Latin text around a Han character outside the Basic Multilingual Plane',
      code: '该字已收入GB 18030 (𠮷) 字符集',
      errors: [{ messageId: 'halfWidthPair', line: 1, column: 15, endColumn: 19 }],
      output: '该字已收入GB 18030 （𠮷） 字符集',
    },
    {
      code: '运行 `npm test`,然后提交结果',
      format: 'md',
      errors: [{ messageId: 'halfWidth', line: 1, column: 14, endColumn: 15 }],
      output: '运行 `npm test`，然后提交结果',
    },
    {
      code: '详见[通知](https://www.gov.cn/a.html),请认真落实',
      format: 'md',
      errors: [{ messageId: 'halfWidth', line: 1, column: 34, endColumn: 35 }],
      output: '详见[通知](https://www.gov.cn/a.html)，请认真落实',
    },
    {
      code: '**加强组织领导**,压实工作责任',
      format: 'md',
      errors: [{ messageId: 'halfWidth', line: 1, column: 11, endColumn: 12 }],
      output: '**加强组织领导**，压实工作责任',
    },
  ],
});

const HALF_WIDTH_TOUCHING_CHINESE = /[\p{Script=Han}“”‘’，。、；：？！（）《》【】][,;:?!()]|[,;:?!()][\p{Script=Han}“”‘’，。、；：？！（）《》【】]/u;
const onlyThisRule = { rules: Object.fromEntries(rules.map((r) => [r.id, r.id === rule.id ? 'error' : 'off'])) } as const;

describe('punctuation-width on the seed-like template draft', () => {
  const seedPath = fileURLToPath(new URL('../../../shared/seed/template-speech.txt', import.meta.url));
  const source = readFileSync(seedPath, 'utf8');

  it('finds every half-width mark in Chinese text and --fix leaves none', () => {
    const before = lintText(source, { config: onlyThisRule });
    expect(before.messages.length).toBeGreaterThan(50);
    const { output, result } = fixText(source, (text) => lintText(text, { config: onlyThisRule }));
    expect(result.messages).toEqual([]);
    const leftOver = output.split('\n').filter((line) => HALF_WIDTH_TOUCHING_CHINESE.test(line));
    expect(leftOver).toEqual([]);
    expect(output).toContain('（想阅读完全部图文内容，您需要先登陆！）');
    expect(output).toContain('2022-10-24 14:13:44');
    expect(output).toContain('https://www.xiebitongdao.com//index/article/detail/detail_id/82604.html');
  });
});

/**
 * The rule over the real documents in ../shared/corpus/real. Every finding below was read against its document
 * and is genuine; a new or lost finding means the rule's precision or recall changed.
 */
const GENUINE_CORPUS_FINDINGS = [
  // `国家级(Ⅰ级)` `省级(Ⅱ级)`: half-width brackets in headings.
  'govcn-2005-guobanhan-57-letter.txt:23:10 halfWidthPair',
  'govcn-2005-guobanhan-57-letter.txt:24:9 halfWidthPair',
  // `(国家发展改革委、…指导)` `(生态环境部指导)`: the responsible bodies in half-width brackets.
  'govcn-2018-guobanfa-128-notice.txt:39:596 halfWidthPair',
  'govcn-2018-guobanfa-128-notice.txt:40:204 halfWidthPair',
  // `（普通高中、中等职业、技工教育)`: a full-width bracket closed by a half-width one.
  'govcn-2018-guofa-41-notice.txt:17:42 halfWidth',
  // `新增长点;推动`: a half-width semicolon.
  'gwr-2026-beijing.txt:65:177 halfWidth',
  // Web-page chrome kept in the scraped text: `分享:` `您的位置:` `分享到:`.
  'gwr-2026-shaanxi.txt:1:3 halfWidth',
  'gwr-2026-shaanxi.txt:17:3 halfWidth',
  'gwr-2026-yunnan.txt:1:5 halfWidth',
  'gwr-2026-yunnan.txt:123:4 halfWidth',
  // `行动计划(2021—2023年)`: half-width brackets in the title.
  'pkulaw-2021-anhui-industrial-internet-notice.txt:3:45 halfWidthPair',
  // `政务服务"一网通办"`: straight quotes in a heading.
  'pkulaw-2022-baotou-digital-gov-notice.txt:31:9 straightQuotes',
  // `各区政府,各相关单位：`: a half-width comma in the 主送机关 line.
  'pkulaw-2022-beijing-jingxin-data-zone-opinion.txt:6:5 halfWidth',
];

describe('punctuation-width on the real corpus', () => {
  it('finds exactly the genuine findings listed', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.messageId}`)).toEqual(sortByPlace(GENUINE_CORPUS_FINDINGS));
  });
});
