import { describe, expect, it } from 'vitest';
import rule from '../../rules/punctuation-sequence.js';
import { rules } from '../../rules/index.js';
import { fixText } from '../../src/core/fix.js';
import { lintText } from '../../src/index.js';
import { corpusFiles, corpusFindings, sortByPlace } from '../helpers/corpus.js';
import { runRuleTests } from '../helpers/rule-tester.js';

runRuleTests(rule, {
  valid: [
    '全市地区生产总值增长3.5%。',
    '从n个元素中取出全部元素的排列数为n!。',
    '参与单位包括Yahoo!，以及其他互联网企业。',
    '请下载附件。.docx格式的文件可直接打印。',
    '详见附件《申报表》.docx。',
    '系统版本为v2.1.0。',
    '打了个“？”号的条目需要再核实。',
    { name: 'marks listed in brackets', code: '常见的错误是把逗号写成半角（, 与 ; 一样）。' },
    '该字迹无法辨认（？），待查。',
    { name: 'an opener never closed in the paragraph is punctuation-pair’s', code: '要抓好落实“。' },
    '各项工作有序推进...',
    '升级到Version 1.2.。',
    '这难道不是我们应该深刻反思的吗？！',
    '这是多么令人振奋的成绩啊！！！',
    '难道我们就这样放任不管？？？',
    '他强调：“要坚定不移推进全面深化改革。”',
    '要牢固树立“绿水青山就是金山银山”。',
    '具体标准见附件（详见附件1）。',
    '全场齐声高呼：“中国加油！”',
    '难道问题就这样解决了吗……？',
    '共投入资金1,260万元；上午8:30开会。',
    '网址：https://www.gov.cn/a?b=1,2;c=3。',
    '采用分级授权、等级评价的方式开展工作。',
    '推进文化、教育、卫生等领域协调发展。',
    '代码中的 for (;;) 表示无限循环。',
    '他激动地说：“好！”。',
    '会议时间：8:30。',
    '坚持问题导向——这是我们的基本方法。',
    '坚持“稳中求进”，推动高质量发展。',
    '难道这就是我们想要的结果——？',
    '按等额本息、等额本金方式还款。',
    '严禁在公交站台范围内停车、等车、揽客。',
    '（一）加强组织领导。（二）压实工作责任。',
    '为什么会出现这种情况？”。',
    '要做到“三个是否”：是否……？是否……？',
    '会议要求：一是……；二是……。',
    '请勾选：&#9826;，其余不填。',
    '各乡镇人民政府，县政府各部门：',
    'Really?! Yes, it is.',
    { name: 'three 。 are a mistyped 省略号, left to punctuation-form', code: '各项工作有序推进。。。' },
    { code: '完成整改，`npm test`。', format: 'md' },
    { code: '加强**组织**领导，压实工作责任。', format: 'md' },
    { code: '详见[通知](https://www.gov.cn/?a=1,2)。', format: 'md' },
  ],
  invalid: [
    {
      code: '全年目标任务圆满完成。.下一步要巩固成果。',
      errors: [{ messageId: 'doubled', line: 1, column: 11, endColumn: 13, data: { marks: '。.', mark: '。' } }],
      output: '全年目标任务圆满完成。下一步要巩固成果。',
    },
    {
      code: '全年目标任务圆满完成.。',
      errors: [{ messageId: 'doubled', line: 1, column: 11, endColumn: 13 }],
      output: '全年目标任务圆满完成。',
    },
    {
      code: '经研究，.现批复如下',
      errors: [{ messageId: 'mixed', line: 1, column: 4, endColumn: 6, suggestions: ['经研究，现批复如下', '经研究。现批复如下'] }],
    },
    {
      code: '完成了前期调研..下一步将形成报告。',
      errors: [{ messageId: 'twoDots', line: 1, column: 8, endColumn: 10, suggestions: ['完成了前期调研。下一步将形成报告。', '完成了前期调研……下一步将形成报告。'] }],
    },
    {
      code: '会议审议通过了实施方案（，修订稿）。',
      errors: [{ messageId: 'afterOpening', line: 1, column: 13, endColumn: 14, data: { mark: '，', open: '（' }, suggestions: ['会议审议通过了实施方案（修订稿）。'] }],
    },
    {
      code: '他强调：“。要把各项工作抓实抓细”',
      errors: [{ messageId: 'afterOpening', line: 1, column: 6, endColumn: 7, suggestions: ['他强调：“要把各项工作抓实抓细”'] }],
    },
    {
      name: 'a half-width mark after an opening bracket',
      code: '根据《,安全生产法》规定',
      errors: [{ messageId: 'afterOpening', line: 1, column: 4, endColumn: 5, data: { mark: ',' } }],
    },
    {
      code: '签订政产学研合作协议,;坚持“引进来”',
      errors: [
        {
          messageId: 'mixed',
          line: 1,
          column: 11,
          endColumn: 13,
          data: { marks: ',;', choices: '“，”或“；”' },
          suggestions: ['签订政产学研合作协议，坚持“引进来”', '签订政产学研合作协议；坚持“引进来”'],
        },
      ],
    },
    {
      code: '各项保障措施准备充足，。',
      errors: [{ messageId: 'mixed', line: 1, column: 11, endColumn: 13, suggestions: ['各项保障措施准备充足，', '各项保障措施准备充足。'] }],
    },
    {
      code: '组织开展应急演练；，提升处置能力',
      errors: [{ messageId: 'mixed', line: 1, column: 9, endColumn: 11, suggestions: ['组织开展应急演练；提升处置能力', '组织开展应急演练，提升处置能力'] }],
    },
    {
      code: '全年任务完成率达95.6%；。',
      errors: [{ messageId: 'mixed', line: 1, column: 14, endColumn: 16, data: { marks: '；。' } }],
    },
    {
      code: '认真组织实施，，确保按期完成',
      errors: [{ messageId: 'doubled', line: 1, column: 7, endColumn: 9, data: { marks: '，，', mark: '，' } }],
      output: '认真组织实施，确保按期完成',
    },
    {
      code: '会议圆满完成了各项议程。。',
      errors: [{ messageId: 'doubled', line: 1, column: 12, endColumn: 14, data: { mark: '。' } }],
      output: '会议圆满完成了各项议程。',
    },
    {
      code: '加强文化、，教育工作',
      errors: [{ messageId: 'mixed', line: 1, column: 5, endColumn: 7, suggestions: ['加强文化、教育工作', '加强文化，教育工作'] }],
    },
    {
      code: '推动文化、教育、等领域协调发展',
      errors: [{ messageId: 'commaBeforeDeng', line: 1, column: 8, endColumn: 9, data: { found: '、等' } }],
      output: '推动文化、教育等领域协调发展',
    },
    {
      code: '要抓好安全、环保、等等各方面工作',
      errors: [{ messageId: 'commaBeforeDeng', line: 1, column: 9, endColumn: 10 }],
      output: '要抓好安全、环保等等各方面工作',
    },
    {
      code: '这就是我们的目标——，也是我们的责任',
      errors: [{ messageId: 'afterDash', line: 1, column: 11, endColumn: 12, data: { marks: '，' }, suggestions: ['这就是我们的目标——也是我们的责任'] }],
    },
    {
      code: '这就是我们要走的路——。',
      errors: [{ messageId: 'afterDash', line: 1, column: 12, endColumn: 13, suggestions: ['这就是我们要走的路——'] }],
    },
    {
      code: '是否已按要求完成整改，？',
      errors: [{ messageId: 'mixed', line: 1, column: 11, endColumn: 13, suggestions: ['是否已按要求完成整改，', '是否已按要求完成整改？'] }],
    },
    {
      code: '加大投入、！',
      errors: [{ messageId: 'mixed', line: 1, column: 5, endColumn: 7 }],
    },
    {
      code: '确保安全生产；？',
      errors: [{ messageId: 'mixed', line: 1, column: 7, endColumn: 9 }],
    },
    {
      code: '同志们，这项工作还能再拖下去吗？？？？',
      errors: [{ messageId: 'tooMany', line: 1, column: 16, endColumn: 20, data: { marks: '？？？？', mark: '？' }, suggestions: ['同志们，这项工作还能再拖下去吗？'] }],
    },
    {
      code: '请各单位认真落实!!!!',
      errors: [{ messageId: 'tooMany', line: 1, column: 9, endColumn: 13, data: { mark: '！' }, suggestions: ['请各单位认真落实！'] }],
    },
    {
      code: '现将有关事项通知如下：：',
      errors: [{ messageId: 'doubled', line: 1, column: 11, endColumn: 13 }],
      output: '现将有关事项通知如下：',
    },
    {
      code: '一是加强组织领导、、二是压实工作责任',
      errors: [{ messageId: 'doubled', line: 1, column: 9, endColumn: 11 }],
      output: '一是加强组织领导、二是压实工作责任',
    },
    {
      name: 'a space between the two marks goes with the deleted one',
      code: '加强组织领导， ，压实工作责任',
      errors: [{ messageId: 'doubled', line: 1, column: 7, endColumn: 10 }],
      output: '加强组织领导，压实工作责任',
    },
    {
      name: '！？ in the wrong order',
      code: '这是为什么！？',
      errors: [{ messageId: 'mixed', line: 1, column: 6, endColumn: 8, suggestions: ['这是为什么！', '这是为什么？'] }],
    },
    {
      name: 'a doubled half-width mark becomes one full-width mark',
      code: '坚持问题导向,,聚焦重点难点',
      errors: [{ messageId: 'doubled', line: 1, column: 7, endColumn: 9, data: { marks: ',,', mark: '，' } }],
      output: '坚持问题导向，聚焦重点难点',
    },
    {
      code: '一、总体要求\n全面贯彻落实，，推动高质量发展',
      errors: [{ messageId: 'doubled', line: 2, column: 7, endColumn: 9 }],
      output: '一、总体要求\n全面贯彻落实，推动高质量发展',
    },
    {
      code: '会议议程如下：，',
      errors: [{ messageId: 'mixed', line: 1, column: 7, endColumn: 9 }],
    },
    {
      code: '材料请报送至办公室。，',
      errors: [{ messageId: 'mixed', line: 1, column: 10, endColumn: 12 }],
    },
    {
      code: '坚持稳中求进工作总基调，；',
      errors: [{ messageId: 'mixed', line: 1, column: 12, endColumn: 14 }],
    },
    {
      code: '增强“四个意识”，，坚定“四个自信”',
      errors: [{ messageId: 'doubled', line: 1, column: 9, endColumn: 11 }],
      output: '增强“四个意识”，坚定“四个自信”',
    },
    {
      code: '各位代表，，现在我代表市人民政府作报告',
      errors: [{ messageId: 'doubled', line: 1, column: 5, endColumn: 7 }],
      output: '各位代表，现在我代表市人民政府作报告',
    },
    {
      code: '完成整改**，，**下一步开展督查',
      format: 'md',
      errors: [{ messageId: 'doubled', line: 1, column: 7, endColumn: 9 }],
      output: '完成整改**，**下一步开展督查',
    },
  ],
});

describe('with the Markdown parser', () => {
  runRuleTests(rule, {
    valid: [{ name: 'marks inside inline code are code (needs the Markdown parser)', code: '运行`echo ，，`命令。', format: 'md' }],
    invalid: [
      {
        name: 'emphasis markup between the two marks (needs the Markdown parser)',
        code: '加强组织领导，**。**',
        format: 'md',
        errors: [{ messageId: 'mixed', line: 1, column: 7, endColumn: 11, suggestions: ['加强组织领导，****', '加强组织领导**。**'] }],
      },
      {
        name: 'a link between the two marks (needs the Markdown parser)',
        code: '详见附件，[。](附件1.docx)',
        format: 'md',
        errors: [{ messageId: 'mixed', line: 1, column: 5, endColumn: 8 }],
      },
    ],
  });
});

describe('runs the candidate search must not skip', () => {
  runRuleTests(rule, {
    valid: [{ name: 'marks inside a URL and an HTML entity', code: '详见https://www.gov.cn/?a=1,;b=2，请勾选&#9826;，其余不填。' }],
    invalid: [
      {
        name: 'a run at the start of a block',
        code: '，，加强组织领导',
        errors: [{ messageId: 'doubled', line: 1, column: 1, endColumn: 3 }],
        output: '，加强组织领导',
      },
      {
        name: 'a run at the end of a block',
        code: '压实工作责任；；',
        errors: [{ messageId: 'doubled', line: 1, column: 7, endColumn: 9 }],
        output: '压实工作责任；',
      },
      {
        name: 'a full-width space between the marks',
        code: '加强领导，\u3000；压实责任',
        errors: [{ messageId: 'mixed', line: 1, column: 5, endColumn: 8, suggestions: ['加强领导，压实责任', '加强领导；压实责任'] }],
      },
      {
        name: 'a tab between the marks',
        code: '加强领导，\t，压实责任',
        errors: [{ messageId: 'doubled', line: 1, column: 5, endColumn: 8 }],
        output: '加强领导，压实责任',
      },
      {
        name: 'a run longer than the two marks that start it',
        code: '加强领导，，；，压实责任',
        errors: [{ messageId: 'mixed', line: 1, column: 5, endColumn: 9, data: { marks: '，，；，', choices: '“，”或“；”' } }],
      },
      {
        name: 'a run after a URL whose own marks are not 点号',
        code: '详见https://www.gov.cn/?a=1,;b=2，，请查阅',
        errors: [{ messageId: 'doubled', line: 1, column: 31, endColumn: 33 }],
        output: '详见https://www.gov.cn/?a=1,;b=2，请查阅',
      },
      {
        name: 'half-width marks right after a URL',
        code: '详见https://www.gov.cn/a.html,;其余不变',
        errors: [{ messageId: 'mixed', line: 1, column: 28, endColumn: 30, suggestions: ['详见https://www.gov.cn/a.html，其余不变', '详见https://www.gov.cn/a.html；其余不变'] }],
      },
      {
        name: 'a run right after an HTML entity, whose ; is not a 点号',
        code: '请勾选&#9826;，，其余不填',
        errors: [{ messageId: 'doubled', line: 1, column: 11, endColumn: 13 }],
        output: '请勾选&#9826;，其余不填',
      },
      {
        name: 'several findings in one block',
        code: '推进文化，，教育、等领域；；协调发展',
        errors: [
          { messageId: 'doubled', line: 1, column: 5, endColumn: 7 },
          { messageId: 'commaBeforeDeng', line: 1, column: 9, endColumn: 10 },
          { messageId: 'doubled', line: 1, column: 13, endColumn: 15 },
        ],
        output: '推进文化，教育等领域；协调发展',
      },
      {
        name: 'a mark after —— before another run',
        code: '工作要求——，一是加强领导；；二是压实责任',
        errors: [
          { messageId: 'afterDash', line: 1, column: 7, endColumn: 8 },
          { messageId: 'doubled', line: 1, column: 14, endColumn: 16 },
        ],
        output: '工作要求——，一是加强领导；二是压实责任',
      },
    ],
  });
});

const punctuationRules = new Set(['punctuation-sequence', 'punctuation-width', 'punctuation-form']);
const config = { rules: Object.fromEntries(rules.map((r) => [r.id, punctuationRules.has(r.id) ? r.severity : 'off'])) } as const;
const lint = (text: string) => lintText(text, { config });

describe('punctuation-sequence with punctuation-width and punctuation-form', () => {
  const draft = [
    '(一)签订政产学研合作协议,;坚持“引进来”,,推动成果转化。。',
    '全年完成率达95.6%；。各项工作有序推进...',
    '推动文化、教育、等领域协调发展(2021-2025年)',
  ].join('\n');

  it('fixes converge to a stable text that a second fix run leaves alone', () => {
    const { output, result } = fixText(draft, lint);
    // `,;` is one finding of punctuation-sequence, which leaves the choice of mark to the author: the width fix
    // alone (`，；`) would still be wrong, so the engine does not take it over.
    expect(output).toBe(
      [
        '（一）签订政产学研合作协议,;坚持“引进来”，推动成果转化。',
        '全年完成率达95.6%；。各项工作有序推进……',
        '推动文化、教育等领域协调发展（2021—2025年）',
      ].join('\n'),
    );
    expect(result.messages.filter((m) => m.fix)).toEqual([]);
    expect(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`)).toEqual([
      '1:14 punctuation-sequence mixed',
      '2:12 punctuation-sequence mixed',
    ]);
    expect(fixText(output, lint).output).toBe(output);
  });
});

/**
 * The rule over the real documents in ../shared/corpus/real. Every finding below was read against its document
 * and is genuine; a new or lost finding means the rule's precision or recall changed.
 */
const GENUINE_CORPUS_FINDINGS = [
  // None: the published documents never put two 点号 side by side.
];

describe('punctuation-sequence on the real corpus', () => {
  it('finds exactly the genuine findings listed', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.messageId}`)).toEqual(sortByPlace(GENUINE_CORPUS_FINDINGS));
  });
});
