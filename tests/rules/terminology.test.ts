import { describe, expect, it } from 'vitest';
import rule from '../../rules/terminology.js';
import { compilePrhRule } from '../../src/core/text/prh.js';
import { corpusFiles, corpusFindings } from '../helpers/corpus.js';
import { lintWithRule, runRuleTests, type InvalidCase } from '../helpers/rule-tester.js';

/** A dictionary as the Node side hands it to the rule: compiled prh rules. */
function dictionary(...rules: unknown[]): { dictionaries: unknown[]; builtin: boolean } {
  return { dictionaries: [{ source: '用语.yml', entries: rules.map((raw) => compilePrhRule(raw)) }], builtin: false };
}

const ORG = dictionary(
  { expected: '党的十九大', pattern: '/(?<!党的)十九大/', prh: '首次出现时写全称' },
  { expected: '市场监管局', patterns: ['工商局', '质监局'] },
  { expected: '（$1）', pattern: '/\\(([^)]+)\\)/' },
  { expected: 'App', options: { wordBoundary: true } },
  { expected: '卫生健康委', pattern: '/(原)?卫计委/', regexpMustEmpty: '$1' },
  '微信公众号',
);

/** One finding at `column` of line 1 replacing `found` by `expected`; the fix writes `expected` there. */
function term(code: string, column: number, found: string, expected: string, options?: Record<string, unknown>, messageId = 'termWithNote'): InvalidCase {
  expect(code.slice(column - 1, column - 1 + found.length), code).toBe(found);
  return {
    code,
    ...(options ? { options } : {}),
    errors: [{ messageId, line: 1, column, endColumn: column + found.length, data: { found, expected } }],
    output: code.slice(0, column - 1) + expected + code.slice(column - 1 + found.length),
  };
}

runRuleTests(rule, {
  valid: [
    // The built-in dictionary passes the recommended forms and words that merely contain a variant's characters.
    '国有经济成分比重稳步提高，各单位要认真答复群众来信。',
    '要坚持再接再厉，以更加饱满的精神状态投入工作。',
    '鼓励社会资本参与，切实提高资金盈余使用效率。',
    '本项目完成份额为总任务的百分之六十，达成份额目标。',
    '采取折中方案，直截了当地指出问题，原原本本传达会议精神。',
    '各单位要筹划好明年工作，彻底整改存在的问题。',
    '领导干部要带头，不要对基层工作指手画脚。',
    '店面装潢应符合规划要求，姿势规范、佐证材料齐全。',
    '大家不必担心，也无须担忧，此事一股脑儿交给专班办理。',
    '对辈分较高的老党员要上门走访，义无反顾地投身抗洪一线。',
    '赐予荣誉称号，出谋划策，凋敝的乡村重新焕发生机。',
    // A user dictionary.
    { code: '深入学习贯彻党的十九大精神。', options: ORG },
    { code: '市场监管局要加强食品安全监管。', options: ORG },
    { code: '会议（扩大）于上午召开。', options: ORG },
    { code: '下载政务App办理业务，Apple 设备也可使用。', options: ORG },
    { name: 'regexpMustEmpty', code: '原卫计委的职责划入卫生健康委。', options: ORG },
    { code: '关注微信公众号获取最新消息。', options: ORG },
    { name: 'the built-in dictionary switched off', code: '成份不明的食品要查清。', options: { builtin: false } },
    { name: 'a user dictionary alone', code: '成份不明的食品要查清，再接再砺。', options: ORG },
    { name: 'no dictionaries at all', code: '工商局要做好防控。', options: { builtin: false } },
    {
      name: 'the first dictionary wins for one expected wording',
      code: '辈份较高的老党员。',
      options: { dictionaries: [{ source: 'a.yml', entries: [compilePrhRule({ expected: '辈分', pattern: '辈分儿' })] }] },
    },
    { name: 'Markdown code is not text', code: '运行 `再接再砺` 命令。', format: 'md' },
    { name: 'a link target is not text', code: '见[通知](https://example.gov.cn/成份)。', format: 'md' },
    { name: 'an empty document with a dictionary', code: '\n', options: ORG },
    { name: 'the expected wording found by a pattern', code: '成分分析。', options: dictionary({ expected: '成分', pattern: '/成[分份]/' }) },
  ],
  invalid: [
    term('国有经济成份比重稳步提高。', 5, '成份', '成分'),
    term('各级领导干部要再接再砺，开拓进取。', 8, '再接再砺', '再接再厉'),
    term('对群众来信要及时答覆。', 9, '答覆', '答复'),
    term('鼓励社会资本参预公益事业。', 7, '参预', '参与'),
    term('年度财政收支略有赢余。', 9, '赢余', '盈余'),
    term('要澈底整改存在的问题。', 2, '澈底', '彻底'),
    term('各单位要认真筹画明年工作。', 7, '筹画', '筹划'),
    term('请各位专家出谋画策。', 6, '出谋画策', '出谋划策'),
    term('对老党员要按辈份排座次。', 7, '辈份', '辈分'),
    term('经研究，拟采取折衷方案。', 8, '折衷', '折中'),
    term('要直捷了当地指出问题。', 2, '直捷了当', '直截了当'),
    term('领导干部不要对基层工作指手划脚。', 12, '指手划脚', '指手画脚'),
    term('店面装璜应符合规划要求。', 3, '装璜', '装潢'),
    term('驾驶员应保持正确的驾驶姿式。', 12, '姿式', '姿势'),
    term('申请人应提供相关左证材料。', 9, '左证', '佐证'),
    term('要源源本本传达会议精神。', 2, '源源本本', '原原本本'),
    term('不要把问题一古脑推给基层。', 6, '一古脑', '一股脑'),
    term('党员干部义无返顾投身抗洪一线。', 5, '义无返顾', '义无反顾'),
    term('群众不必耽心，政府会妥善处理。', 5, '耽心', '担心'),
    term('一些乡村经济雕敝，人口外流严重。', 7, '雕敝', '凋敝'),
    term('授予荣誉称号并赐与奖章。', 8, '赐与', '赐予'),
    term('深入学习贯彻十九大精神。', 7, '十九大', '党的十九大', ORG),
    term('工商局要加强食品安全监管。', 1, '工商局', '市场监管局', ORG, 'term'),
    term('县质监局开展专项检查。', 2, '质监局', '市场监管局', ORG, 'term'),
    term('会议(扩大)于上午召开。', 3, '(扩大)', '（扩大）', ORG, 'term'),
    term('下载政务APP办理业务。', 5, 'APP', 'App', ORG, 'term'),
    term('关注微信公众帐号获取消息。', 3, '微信公众帐号', '微信公众号', dictionary({ expected: '微信公众号', pattern: '微信公众帐号' }), 'term'),
    term('市卫计委要做好疫情防控。', 2, '卫计委', '卫生健康委', ORG, 'term'),
    term(
      '工作要加强的的落实。',
      6,
      '的的',
      '的',
      dictionary({ expected: '市场监管局', pattern: '工商局' }, { expected: '$1', pattern: '/(的|了)\\1/' }),
      'term',
    ),
    {
      name: 'several findings, fixed in one pass, with the built-in dictionary beside a user one',
      code: '工商局要再接再砺，成份不明的食品要查清。',
      options: { ...ORG, builtin: true },
      errors: [
        { messageId: 'term', line: 1, column: 1, endColumn: 4, data: { found: '工商局', expected: '市场监管局' } },
        { messageId: 'termWithNote', line: 1, column: 5, endColumn: 9, messageIncludes: ['GF 1001—2001'] },
        { messageId: 'termWithNote', line: 1, column: 10, endColumn: 12 },
      ],
      output: '市场监管局要再接再厉，成分不明的食品要查清。',
    },
    {
      name: 'the note of a prh rule follows the message',
      code: '学习十九大报告。',
      options: ORG,
      errors: [{ messageId: 'termWithNote', line: 1, column: 3, endColumn: 6, data: { note: '首次出现时写全称' } }],
      output: '学习党的十九大报告。',
    },
    {
      name: 'in a Markdown heading and a table cell',
      format: 'md',
      code: '# 关于再接再砺的通知\n\n| 项目 | 说明 |\n|---|---|\n| 成份 | 略 |',
      errors: [
        { messageId: 'termWithNote', line: 1, column: 5, endColumn: 9 },
        { messageId: 'termWithNote', line: 5, column: 3, endColumn: 5 },
      ],
      output: '# 关于再接再厉的通知\n\n| 项目 | 说明 |\n|---|---|\n| 成分 | 略 |',
    },
  ],
});

describe('terminology', () => {
  it('asks for dictionary contents where no file can be read', () => {
    expect(() => lintWithRule(rule, '工商局', 'txt', { dictionaries: ['./用语.yml'] })).toThrow(/尚未读取/);
  });

  it('is off by default', () => {
    expect(rule.severity).toBe('off');
  });
});

describe('terminology on the published corpus', () => {
  it('finds only the variant 成份 with the built-in dictionary', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.message}`)).toEqual([
      'gwr-state-council-1954.txt:13:171 “成份”应写作“成分”：《第一批异形词整理表》（GF 1001—2001）以此为推荐词形',
      'pkulaw-2012-xinjiang-zhijianju-notice.txt:21:89 “成份”应写作“成分”：《第一批异形词整理表》（GF 1001—2001）以此为推荐词形',
    ]);
  });
});
