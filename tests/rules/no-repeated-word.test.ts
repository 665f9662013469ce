import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-repeated-word.js';
import { corpusFiles, corpusFindings } from '../helpers/corpus.js';
import { runRuleTests, type InvalidCase } from '../helpers/rule-tester.js';

/** One repeat in `code` at 1-based `column` of line 1, `length` characters doubled; the suggestion deletes the second copy. */
function repeat(code: string, word: string, column: number, name?: string): InvalidCase {
  const start = column - 1;
  return {
    ...(name ? { name } : {}),
    code,
    errors: [
      {
        messageId: 'repeated',
        line: 1,
        column,
        endColumn: column + 2 * word.length,
        data: { repeated: word + word, word },
        suggestions: [code.slice(0, start + word.length) + code.slice(start + 2 * word.length)],
      },
    ],
  };
}

runRuleTests(rule, {
  valid: [
    // Reduplications the issue names, in sentences.
    '领导干部要常常深入基层，倾听群众呼声。',
    '安全生产人人有责，要做到天天讲、月月查。',
    '各项任务要层层分解、处处落实，做到事事有回应。',
    '我们要年年坚持、步步推进，一一抓好落实。',
    '群众的满意度渐渐提高，大家都说要去看看新修的公园。',
    '这件事要请专家再研究研究。',
    '要实实在在地为群众办实事，把政策讲得明明白白。',
    '谢谢大家多多支持，项目刚刚启动，仅仅用了一个月。',
    '问题往往出在基层，久久为功才能见效，区区小事也不能放过。',
    '面对形形色色的风险挑战，这项措施的的确确见到了实效。',
    { name: 'counted out one by one', code: '要把问题一个一个地解决好，一步一步推进。' },
    // Repeats across a word boundary: the segmenter joins each copy to its neighbour.
    '要切实改进工作作风，提高服务水平。',
    '国务院办公厅转发中国国家铁路集团有限公司的报告。',
    '以人民群众满意为目的的改革才有生命力。',
    '现在在全国范围内推广这一做法。',
    '他在在场的同志中年龄最大。',
    '各部门要按照要求求真务实地开展工作。',
    '全市共有有关单位三十家，这项工作要做到到位。',
    '我局局长出席会议并讲话。',
    '切实保障人民民主权利，推动学生生活服务改革。',
    // Numbers, names, quotations and titles.
    { name: 'a year in Chinese numerals', code: '二〇二二年是全面建设社会主义现代化国家新征程的重要一年。' },
    { name: 'digits', code: '全年共办理11件、22批次。' },
    { name: 'a name in a list', code: '出席：杨元元、王明明、李娜娜。' },
    { name: 'a quotation', code: '他在发言中说：“我们我们要加油。”这句话很实在。' },
    { name: 'a book title', code: '学习《天天天蓝》一文。' },
    { name: 'a heading and its first sentence', code: '一、加强组织领导\n领导干部要带头抓落实。' },
    { name: 'across a soft line break in Markdown', code: '要进一步\n进一步是关键。', format: 'md' },
    { name: 'an adverb doubled with 地', code: '要紧紧围绕中心任务，牢牢把握工作主动权，扎扎实实地推进。' },
    { name: 'nouns doubled to mean every', code: '推进村村通、户户通工程，家家户户用上自来水。' },
    { name: 'a character the dictionary rarely counts', code: '具体落实粮食出库库点，拓展聚醚醚酮产业化应用。' },
  ],
  invalid: [
    repeat('各级政府网站要加强的的信息发布工作。', '的', 10),
    repeat('会议研究了了下一步工作安排。', '了', 5),
    repeat('这是是一项长期而艰巨的任务。', '是', 2),
    repeat('各单位要在在疫情防控中发挥作用。', '在', 5),
    repeat('要加强和和完善基层治理体系。', '和', 4),
    repeat('要对对标先进地区查找差距。', '对', 2),
    repeat('我们我们要以更加务实的作风推进工作。', '我们', 1),
    repeat('要进一步进一步加强安全生产监管。', '进一步', 2),
    repeat('年底前完成工作工作总结。', '工作', 6),
    repeat('各地要把把惠民政策落到实处。', '把', 4),
    repeat('请各单位于于3月15日前报送材料。', '于', 5),
    repeat('市政府将将此项工作纳入年度考核。', '将', 4),
    repeat('有关部门要要加强协调配合。', '要', 5),
    repeat('这次会议是是在全省上下深入学习贯彻的关键时期召开的。', '是', 5),
    repeat('加强党的领导领导干部要带头。', '领导', 5, 'a heading run into its sentence on one line'),
    repeat('各地各部门都都要高度重视。', '都', 6),
    repeat('推动高质量发展发展取得新成效。', '发展', 6),
    repeat('不断完善体制机制机制。', '机制', 7),
    repeat('坚持以人民为中心中心的发展思想。', '中心', 7),
    repeat('请各乡镇于3月15日前报送的的材料。', '的', 14),
    repeat('各地要认真落实落实好惠民政策。', '落实', 6),
    repeat('会议强调强调，要压实安全生产责任。', '强调', 3),
    repeat('切实加强加强组织领导。', '加强', 3),
    repeat('按照有关有关规定办理。', '有关', 3),
    repeat('严格执行执行财经纪律。', '执行', 3),
    repeat('进一步提高提高服务水平。', '提高', 4),
    {
      name: 'two repeats in one paragraph, in Markdown',
      format: 'md',
      code: '# 通知\n\n全面推进推进依法行政，各部门要密切配合配合。',
      errors: [
        { messageId: 'repeated', line: 3, column: 3, endColumn: 7, suggestions: ['# 通知\n\n全面推进依法行政，各部门要密切配合配合。'] },
        { messageId: 'repeated', line: 3, column: 18, endColumn: 22, suggestions: ['# 通知\n\n全面推进推进依法行政，各部门要密切配合。'] },
      ],
    },
    {
      name: 'a tripled character is one finding',
      code: '要加强的的的工作。',
      errors: [{ messageId: 'repeated', line: 1, column: 4, endColumn: 6, suggestions: ['要加强的的工作。'] }],
    },
  ],
});

describe('no-repeated-word on the published corpus', () => {
  it('finds nothing', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.message}`)).toEqual([]);
  });
});
