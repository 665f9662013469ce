import { describe, expect, it } from 'vitest';
import rule from '../../rules/document-number.js';
import { rules } from '../../rules/index.js';
import { fixText } from '../../src/core/fix.js';
import { lintText } from '../../src/index.js';
import { corpusFiles, corpusFindings } from '../helpers/corpus.js';
import { runRuleTests } from '../helpers/rule-tester.js';

runRuleTests(rule, {
  valid: [
    '国办发〔2024〕12号',
    { name: 'its own line under the 发文机关标志', code: '市人民政府办公室文件\n市政办发〔2024〕7号\n关于做好2024年春节期间安全生产工作的通知' },
    { name: 'cited in running text', code: '按照《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号）要求，结合我市实际，制定本方案。' },
    '根据《国务院办公厅关于印发全国一体化政务服务平台移动端建设指南的通知》（国办函〔2021〕105号）精神，现提出以下意见。',
    '现将《关于进一步优化营商环境的若干措施》（京政发〔2023〕1号）转发给你们，请认真贯彻执行。',
    '你局《关于报送机场协调委员会组建方案的请示》（民航总局〔2006〕80号）收悉。',
    { name: 'several numbers in one sentence', code: '国发〔2018〕41号、国办发〔2019〕3号文件同时废止。' },
    { name: 'a serial of several digits', code: '发改办财金规〔2019〕860号' },
    { name: 'a year-first number of the 1990s is not this form', code: '你院《关于迁址新建的请示》（〔1996〕武司字第82号）收悉。' },
    { name: 'citation marks', code: '数字政府建设已进入深化提升阶段[1]，各地应加强统筹[2]。' },
    { name: 'a placeholder blank is no-placeholder’s', code: '【单位名称】关于开展安全生产大检查的通知' },
    { name: 'a year in brackets after an edition', code: '本书第一版(2024)由人民出版社出版。' },
    { name: 'a standard number', code: '公文格式执行GB/T 9704—2012《党政机关公文格式》。' },
    { name: 'a court case number', code: '本院作出的（2024）京0105民初12345号民事判决已发生法律效力。' },
    { name: 'a real-estate certificate number', code: '房屋已取得京（2023）朝阳区不动产权第0012345号证书。' },
    { name: 'a bulletin number with 年', code: '详见《国家税务总局公告》（2024年第3号）。' },
    { name: 'a bracketed year without a serial', code: '《安徽省工业互联网创新发展行动计划（2021—2023年）》' },
    { name: 'a year in brackets after a title', code: '《政府工作报告》(2024)全文已在门户网站公布。' },
    { name: 'code-like text without 机关代字', code: 'value = data[2024]12号' },
    { name: 'a decree number', code: '《国务院令》第712号' },
    { name: 'inline code in Markdown', code: '配置项写作 `conf[2024]12号`，请勿修改。', format: 'md' },
    { name: 'a Markdown heading with the number', code: '# 国办发〔2024〕12号', format: 'md' },
    { name: 'a serial of one zero-free digit', code: '国发〔2019〕4号' },
    { name: 'a line of a bus route', code: '乘坐轨道交通22号线至红庙站下车。' },
    { name: 'full-width digits are still Arabic', code: '国发〔２０２４〕１２号' },
    { name: 'a letter number', code: '国办函〔2004〕25号' },
  ],
  invalid: [
    {
      name: 'half-width square brackets in a citation',
      code: '按照《国务院关于加强数字政府建设的指导意见》（国发[2022]14号）要求，制定本方案。',
      errors: [{ messageId: 'brackets', line: 1, column: 26, endColumn: 32, data: { found: '[2022]14号', expected: '〔2022〕14号' } }],
      output: '按照《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号）要求，制定本方案。',
    },
    {
      code: '市政办发［2024］7号',
      errors: [{ messageId: 'brackets', line: 1, column: 5, endColumn: 11 }],
      output: '市政办发〔2024〕7号',
    },
    {
      code: '县政发【2024】15号',
      errors: [{ messageId: 'brackets', line: 1, column: 4, endColumn: 10 }],
      output: '县政发〔2024〕15号',
    },
    {
      code: '国办发(2019)35号',
      errors: [{ messageId: 'brackets', line: 1, column: 4, endColumn: 10 }],
      output: '国办发〔2019〕35号',
    },
    {
      code: '根据省政府办公厅《关于做好防汛工作的通知》（省政办发（2024）21号）要求，现部署如下。',
      errors: [{ messageId: 'brackets', line: 1, column: 27, endColumn: 33 }],
      output: '根据省政府办公厅《关于做好防汛工作的通知》（省政办发〔2024〕21号）要求，现部署如下。',
    },
    {
      name: 'mixed brackets',
      code: '教职成〔2018)8号',
      errors: [{ messageId: 'brackets', line: 1, column: 4, endColumn: 10, data: { found: '〔2018)8号' } }],
      output: '教职成〔2018〕8号',
    },
    {
      code: '京经信发(2022〕87号',
      errors: [{ messageId: 'brackets', line: 1, column: 5, endColumn: 11 }],
      output: '京经信发〔2022〕87号',
    },
    {
      name: 'a two-digit year',
      code: '京政发〔24〕3号',
      errors: [{ messageId: 'shortYear', line: 1, column: 5, endColumn: 7, data: { expected: '〔2024〕3号' }, suggestions: ['京政发〔2024〕3号'] }],
    },
    {
      name: 'a two-digit year of the last century',
      code: '国办发〔96〕2号',
      errors: [{ messageId: 'shortYear', line: 1, column: 5, endColumn: 7, suggestions: ['国办发〔1996〕2号'] }],
    },
    {
      name: 'a three-digit year gets no suggestion',
      code: '国发〔202〕5号',
      errors: [{ messageId: 'shortYear', line: 1, column: 4, endColumn: 7, suggestions: [] }],
    },
    {
      code: '国发〔2024〕012号',
      errors: [{ messageId: 'leadingZero', line: 1, column: 9, endColumn: 12, data: { expected: '〔2024〕12号' } }],
      output: '国发〔2024〕12号',
    },
    {
      code: '区政办发〔2023〕007号',
      errors: [{ messageId: 'leadingZero', line: 1, column: 11, endColumn: 14 }],
      output: '区政办发〔2023〕7号',
    },
    {
      name: 'a serial of zeros only is flagged without a fix',
      code: '县政发〔2024〕00号',
      errors: [{ messageId: 'leadingZero', line: 1, column: 10, endColumn: 12 }],
    },
    {
      code: '国发〔2024〕第12号',
      errors: [{ messageId: 'di', line: 1, column: 9, endColumn: 10, data: { expected: '〔2024〕12号' }, suggestions: ['国发〔2024〕12号'] }],
    },
    {
      code: '根据《关于开展消防安全专项整治的通知》（市安委〔2024〕第3号），各地要迅速行动。',
      errors: [{ messageId: 'di', line: 1, column: 30, endColumn: 31, suggestions: ['根据《关于开展消防安全专项整治的通知》（市安委〔2024〕3号），各地要迅速行动。'] }],
    },
    {
      name: 'a space before 号',
      code: '国发〔2024〕12 号',
      errors: [{ messageId: 'space', line: 1, column: 11, endColumn: 12, suggestions: ['国发〔2024〕12号'] }],
    },
    {
      name: 'a space after the bracket',
      code: '省政发〔2024〕 6号',
      errors: [{ messageId: 'space', line: 1, column: 10, endColumn: 11, suggestions: ['省政发〔2024〕6号'] }],
    },
    {
      name: 'a full-width space before 号',
      code: '市政办发〔2024〕5　号',
      errors: [{ messageId: 'space', line: 1, column: 12, endColumn: 13 }],
    },
    {
      name: 'brackets and zeros together: one pass mends the zeros, the touching bracket fix waits for the next',
      code: '县政发[2024]08号',
      errors: [
        { messageId: 'brackets', line: 1, column: 4, endColumn: 10 },
        { messageId: 'leadingZero', line: 1, column: 10, endColumn: 12 },
      ],
      output: '县政发[2024]8号',
    },
    {
      name: 'brackets and 第',
      code: '国办发（2019）第4号',
      errors: [
        { messageId: 'brackets', line: 1, column: 4, endColumn: 10 },
        { messageId: 'di', line: 1, column: 10, endColumn: 11 },
      ],
      output: '国办发〔2019〕第4号',
    },
    {
      name: 'on its own line under the 发文机关标志',
      code: '市人民政府办公室文件\n市政办发[2024]7号\n关于做好2024年春节期间安全生产工作的通知',
      errors: [{ messageId: 'brackets', line: 2, column: 5, endColumn: 11 }],
      output: '市人民政府办公室文件\n市政办发〔2024〕7号\n关于做好2024年春节期间安全生产工作的通知',
    },
    {
      name: 'two citations in one sentence',
      code: '国发[2018]41号、国办发(2019)3号文件同时废止。',
      errors: [
        { messageId: 'brackets', line: 1, column: 3, endColumn: 9 },
        { messageId: 'brackets', line: 1, column: 16, endColumn: 22 },
      ],
      output: '国发〔2018〕41号、国办发〔2019〕3号文件同时废止。',
    },
    {
      name: 'in a Markdown paragraph',
      code: '按照省委办公厅《关于加强基层治理的意见》（省办发［2023］9号）要求，做好以下工作。',
      format: 'md',
      errors: [{ messageId: 'brackets', line: 1, column: 25, endColumn: 31 }],
      output: '按照省委办公厅《关于加强基层治理的意见》（省办发〔2023〕9号）要求，做好以下工作。',
    },
    {
      name: 'in a Markdown table cell',
      code: '| 文件 | 文号 |\n| --- | --- |\n| 实施方案 | 县政办发[2024]3号 |',
      format: 'md',
      errors: [{ messageId: 'brackets', line: 3, column: 14, endColumn: 20 }],
      output: '| 文件 | 文号 |\n| --- | --- |\n| 实施方案 | 县政办发〔2024〕3号 |',
    },
    {
      name: 'a 号 written as a character reference, which the Markdown source does not hold',
      code: '依据《关于加强基层治理的意见》（省办发［2023］9&#21495;）执行。',
      format: 'md',
      errors: [{ messageId: 'brackets', line: 1, column: 20, endColumn: 26 }],
      output: '依据《关于加强基层治理的意见》（省办发〔2023〕9&#21495;）执行。',
    },
    {
      name: 'a signature block with padding',
      code: '　　财政部办公厅\n　　财办发【2024】06号',
      errors: [
        { messageId: 'brackets', line: 2, column: 6, endColumn: 12 },
        { messageId: 'leadingZero', line: 2, column: 12, endColumn: 14 },
      ],
      output: '　　财政部办公厅\n　　财办发【2024】6号',
    },
  ],
});

describe('document-number on the published corpus', () => {
  it('finds nothing', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.message}`)).toEqual([]);
  });
});

describe('document-number with --fix', () => {
  it('mends brackets and zeros that touch over two passes', () => {
    const config = { rules: Object.fromEntries(rules.map((r) => [r.id, r.id === rule.id ? 'error' : 'off'])) } as const;
    const { output, result } = fixText('县政发[2024]08号\n财办发【2024】006号', (text) => lintText(text, { config }));
    expect(output).toBe('县政发〔2024〕8号\n财办发〔2024〕6号');
    expect(result.messages).toEqual([]);
  });
});
