import { describe, expect, it } from 'vitest';
import rule from '../../rules/paragraph-end.js';
import { corpusFiles, corpusFindings } from '../helpers/corpus.js';
import { lintWithRule, runRuleTests } from '../helpers/rule-tester.js';

runRuleTests(rule, {
  valid: [
    {
      name: 'Word: items separated by empty paragraphs (blank lines) are still consecutive',
      code: '<w:p><w:r><w:t>会议要求：</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>一是加强组织领导；</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>二是压实工作责任。</w:t></w:r></w:p>',
      format: 'docx',
    },
    { name: '主送机关 ends with a colon', code: '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：' },
    '各乡镇人民政府，县政府各部门：',
    { name: 'a colon that introduces what follows', code: '具体要求如下：' },
    '第三条　下列政府信息应当主动公开：',
    '特此通知。',
    '一、总体要求',
    '（三）强化督促检查。',
    '关于进一步做好政务公开工作的通知',
    { name: '落款 and date', code: '国务院办公厅\n2024年3月15日' },
    '抄送：市委办公室，市人大常委会办公室。',
    { name: 'numbered items ending with a semicolon', code: '现将有关事项通知如下：\n（一）加强组织领导；\n（二）完善工作机制；\n（三）强化督促检查。' },
    { name: 'Arabic-numbered items', code: '1.明确责任分工；\n2.加强督促检查。' },
    { name: 'unnumbered items after an introducing colon', code: '主要任务是：\n坚持统筹兼顾；\n坚持因地制宜。' },
    { name: 'unnumbered items in a run', code: '坚持统筹兼顾；\n坚持因地制宜；\n坚持稳中求进。' },
    { name: '第一，… items', code: '第一，要提高思想认识；\n第二，要狠抓工作落实。' },
    { name: '一是… items', code: '一是加强组织领导；\n二是完善工作机制。' },
    { name: 'two clauses split over paragraphs by the layout', code: '对守信纳税人依法实施激励措施；\n对失信纳税人依法实施惩戒措施。' },
    { name: 'Markdown list items with semicolons', code: '- 加强组织领导；\n- 完善工作机制；\n- 强化督促检查。', format: 'md' },
    {
      name: 'a hard-wrapped line in an indented text',
      code: '　　为进一步做好政务公开工作，推动政策落地见效，\n现将有关事项通知如下。\n　　一、总体要求',
    },
    { name: 'a hard-wrapped line in a text that separates paragraphs by blank lines', code: '为进一步做好政务公开工作，\n现将有关事项通知如下。\n\n特此通知。' },
    { name: 'a heading number on a line of its own', code: '一、\n总体要求' },
    { name: 'English text', code: 'Hello, world,' },
    { name: 'an HTML entity after a signature', code: '国务院办公厅 &nbsp;' },
    { name: 'a half-width semicolon after a number', code: '联系电话：010-12345678;' },
    { name: 'a table row', code: '| 项目 | 说明 |\n|---|---|\n| 教育、 | 医疗， |', format: 'md' },
    { name: 'an ellipsis', code: '包括教育、医疗、养老……' },
    // A vertical list: one item a line, each ending with `，`, the last with `。`.
    {
      name: 'a vertical list of members',
      code: '全国人民代表大会常务委员会由下列人员组成：\n委员长，\n副委员长若干人，\n秘书长，\n委员若干人。\n常务委员会的组成人员不得担任国家行政机关的职务。',
    },
    { name: 'a vertical list in an indented text', code: '　　出席会议的有：\n　　市长，\n　　常务副市长，\n　　副市长。\n　　会议由市长主持。' },
    { name: 'a vertical list of 顿号 items', code: '　　检查范围包括：\n　　停车场、\n　　公交站台、\n　　地铁出入口。' },
    // Items of a list, with a note between two of them: the item before the note is not the last.
    { name: 'a note between two items', code: '申请人应当提交下列材料：\n（一）申请书；\n申请书应当载明申请事项和理由。\n（二）身份证明。' },
    { name: 'Markdown list items with a lower-level list', code: '- 加强组织领导；\n- 完善工作机制：\n  - 建立周调度制度；\n  - 建立月通报制度。\n- 强化督促检查。', format: 'md' },
  ],
  invalid: [
    {
      code: '各级政府网站要开设“政策问答”“办事指南”等专栏，',
      errors: [{ messageId: 'unfinished', line: 1, column: 25, endColumn: 26, data: { mark: '，' }, suggestions: ['各级政府网站要开设“政策问答”“办事指南”等专栏。'] }],
    },
    {
      code: '加强组织领导，',
      errors: [{ messageId: 'unfinished', line: 1, column: 7, endColumn: 8, suggestions: ['加强组织领导。'] }],
    },
    {
      code: '进一步完善工作机制、',
      errors: [{ messageId: 'unfinished', line: 1, column: 10, endColumn: 11, data: { mark: '、' } }],
    },
    {
      code: '按时报送有关材料,',
      errors: [{ messageId: 'unfinished', line: 1, column: 9, endColumn: 10, data: { mark: ',' }, suggestions: ['按时报送有关材料。'] }],
    },
    {
      name: 'a semicolon at the end of the document',
      code: '各单位要认真抓好落实；',
      errors: [{ messageId: 'unfinishedSemicolon', line: 1, column: 11, endColumn: 12, data: { mark: '；' } }],
    },
    {
      code: '请于每月5日前报送;',
      errors: [{ messageId: 'unfinishedSemicolon', line: 1, column: 10, endColumn: 11, data: { mark: ';' } }],
    },
    {
      name: 'a semicolon before the next numbered heading',
      code: '一、总体要求\n坚持稳中求进工作总基调；\n二、主要任务\n加快推进数字政府建设。',
      errors: [{ messageId: 'unfinishedSemicolon', line: 2, column: 12, endColumn: 13 }],
    },
    {
      name: 'a semicolon paragraph after a full stop, at the end',
      code: '主要任务如下。\n推进数字政府建设；',
      errors: [{ messageId: 'unfinishedSemicolon', line: 2, column: 9, endColumn: 10 }],
    },
    // A sentence broken across two paragraphs: the advice is to join them, not to end the first with `。`.
    {
      name: 'an indented paragraph followed by another indented one',
      code: '　　各区人民政府：\n　　为进一步做好政务公开工作，\n　　现将有关事项通知如下。',
      errors: [{ messageId: 'continuesNext', line: 2, column: 15, endColumn: 16, data: { mark: '，' }, suggestions: [] }],
    },
    {
      name: 'a blank line after the comma',
      code: '为进一步做好政务公开工作，\n\n现将有关事项通知如下。',
      errors: [{ messageId: 'continuesNext', line: 1, column: 13, endColumn: 14 }],
    },
    {
      name: 'a telephone number before the break',
      code: '　　备注：请于2025年4月28日前将此表报送区局办公室。联系电话（传真）：0991-2316124，\n\n　　联系人：王明。电子版请发送至办公室邮箱。',
      errors: [{ messageId: 'continuesNext', line: 1, column: 51, endColumn: 52, data: { mark: '，' } }],
    },
    {
      name: 'two short lines are a broken sentence, not a vertical list',
      code: '　　会议强调，\n　　各级各部门要把思想统一到市委的决策部署上来。\n　　会议要求抓好落实。',
      errors: [{ messageId: 'continuesNext', line: 1, column: 7, endColumn: 8 }],
    },
    {
      name: 'a list line with a mark inside is no vertical list',
      code: '出席会议的有：\n市长，常务副市长，\n副市长，\n秘书长。',
      errors: [
        { messageId: 'continuesNext', line: 2, column: 9, endColumn: 10 },
        { messageId: 'continuesNext', line: 3, column: 4, endColumn: 5 },
      ],
    },
    // The last item of a list ends with `。`, not `；`.
    {
      name: 'a single numbered item',
      code: '（一）建立健全工作机制；',
      errors: [{ messageId: 'lastItemSemicolon', line: 1, column: 12, endColumn: 13, data: { mark: '；' }, suggestions: ['（一）建立健全工作机制。'] }],
    },
    {
      name: 'the last item after an introducing colon ends the document',
      code: '主要任务如下：\n推进数字政府建设；',
      errors: [{ messageId: 'lastItemSemicolon', line: 2, column: 9, endColumn: 10 }],
    },
    {
      name: 'the last item after an introducing half-width colon ends the document',
      code: '主要任务如下:\n推进数字政府建设；',
      errors: [{ messageId: 'lastItemSemicolon', line: 2, column: 9, endColumn: 10 }],
    },
    {
      name: 'the last of a run of items ends the document',
      code: '坚持统筹兼顾；\n坚持因地制宜；',
      errors: [{ messageId: 'lastItemSemicolon', line: 2, column: 7, endColumn: 8 }],
    },
    {
      name: 'the last item before a higher-level number',
      code: '一、工作任务\n（一）加强组织领导；\n（二）完善工作机制；\n二、保障措施\n各单位要明确专人负责。',
      errors: [{ messageId: 'lastItemSemicolon', line: 3, column: 10, endColumn: 11 }],
    },
    {
      name: 'the last item before a note and a higher-level number',
      code: '（一）加强组织领导；\n（二）完善工作机制；\n各单位要明确专人负责。\n二、保障措施',
      errors: [{ messageId: 'lastItemSemicolon', line: 2, column: 10, endColumn: 11 }],
    },
    {
      name: 'the last Markdown list item before prose',
      code: '- 加强组织领导；\n- 完善工作机制；\n\n各单位要明确专人负责。',
      format: 'md',
      errors: [{ messageId: 'lastItemSemicolon', line: 2, column: 9, endColumn: 10 }],
    },
    {
      code: '包括教育、医疗、养老、',
      errors: [{ messageId: 'unfinished', line: 1, column: 11, endColumn: 12 }],
    },
    {
      name: 'a numbered item ending with a comma',
      code: '（一）加强组织领导，',
      errors: [{ messageId: 'unfinished', line: 1, column: 10, endColumn: 11 }],
    },
    {
      name: 'a Markdown list item ending with a comma',
      code: '- 完善工作机制，',
      format: 'md',
      errors: [{ messageId: 'unfinished', line: 1, column: 9, endColumn: 10 }],
    },
    {
      name: 'a Markdown list item ending with a 顿号',
      code: '- 教育、医疗、',
      format: 'md',
      errors: [{ messageId: 'unfinished', line: 1, column: 8, endColumn: 9 }],
    },
    {
      name: 'trailing spaces after the comma',
      code: '加强督促检查，   ',
      errors: [{ messageId: 'unfinished', line: 1, column: 7, endColumn: 8 }],
    },
    {
      code: '开展“我为群众办实事”实践活动，',
      errors: [{ messageId: 'unfinished', line: 1, column: 16, endColumn: 17 }],
    },
    {
      name: 'in the middle of an indented document',
      code: '　　一、工作目标\n　　到2025年，全面建成数字政府，\n　　二、主要任务',
      errors: [{ messageId: 'unfinished', line: 2, column: 18, endColumn: 19 }],
    },
    {
      name: 'two unfinished paragraphs',
      code: '加强领导，\n\n落实责任、',
      errors: [
        { messageId: 'continuesNext', line: 1, column: 5, endColumn: 6 },
        { messageId: 'unfinished', line: 3, column: 5, endColumn: 6 },
      ],
    },
    {
      name: 'a block quote',
      code: '> 加强领导，',
      format: 'md',
      errors: [{ messageId: 'unfinished', line: 1, column: 7, endColumn: 8 }],
    },
    {
      name: 'after inline code',
      code: '运行 `npm test`，',
      format: 'md',
      errors: [{ messageId: 'unfinished', line: 1, column: 14, endColumn: 15 }],
    },
    {
      name: 'a half-width comma after a number of people',
      code: '共计1,260人,',
      errors: [{ messageId: 'unfinished', line: 1, column: 9, endColumn: 10 }],
    },
    {
      code: '包括Word、',
      errors: [{ messageId: 'unfinished', line: 1, column: 7, endColumn: 8 }],
    },
    {
      name: 'CRLF line endings',
      code: '加强领导，\r\n\r\n完善机制。',
      errors: [{ messageId: 'continuesNext', line: 1, column: 5, endColumn: 6 }],
    },
    {
      name: 'an enumeration word alone on a line',
      code: '第一，\n要提高思想认识。',
      errors: [{ messageId: 'continuesNext', line: 1, column: 3, endColumn: 4 }],
    },
    {
      name: 'a body paragraph of a notice',
      code: '各区人民政府：\n为做好今年防汛工作，\n现就有关事项通知如下。',
      errors: [{ messageId: 'continuesNext', line: 2, column: 10, endColumn: 11 }],
    },
    {
      name: 'the end of the block text counts, after soft line breaks',
      code: '加强组织领导\n完善工作机制，',
      format: 'md',
      errors: [{ messageId: 'unfinished', line: 2, column: 7, endColumn: 8 }],
    },
  ],
});

describe('with the Markdown parser', () => {
  runRuleTests(rule, {
    valid: [
      { name: 'a soft line break after the comma', code: '为进一步做好政务公开工作，\n现将有关事项通知如下。', format: 'md' },
      { name: 'a heading ending with a comma is a heading', code: '## 第一，', format: 'md' },
    ],
    invalid: [
      {
        name: 'a semicolon before a Markdown heading',
        code: '坚持稳中求进；\n\n## 二、主要任务',
        format: 'md',
        errors: [{ messageId: 'unfinishedSemicolon', line: 1, column: 7, endColumn: 8 }],
      },
    ],
  });
});

describe('paragraph-end on long input', () => {
  it('scans a 1 MB line of spaces and commas in linear time', () => {
    const text = `加强领导${'，'.repeat(500_000)}${' '.repeat(500_000)}`;
    const started = performance.now();
    expect(lintWithRule(rule, text).length).toBe(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reads a run of 20,000 short comma lines once, not once per line', () => {
    const text = `${'委员若干人，\n'.repeat(20_000)}委员若干人。`;
    const started = performance.now();
    expect(lintWithRule(rule, text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('paragraph-end on the published corpus', () => {
  it('finds only the one sentence broken across two paragraphs, in a 备注 line', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column}`)).toEqual([
      'pkulaw-2012-xinjiang-zhijianju-notice.txt:70:54',
    ]);
  });
});
