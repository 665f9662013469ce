import { describe, expect, it } from 'vitest';
import rule from '../../rules/heading-punctuation.js';
import { corpusFiles, corpusFindings } from '../helpers/corpus.js';
import { runRuleTests } from '../helpers/rule-tester.js';

const TITLE = '关于做好2024年防汛工作的通知\n';
/** An amendment decision: run-in headings of its own, and the new text of a chapter quoted over several lines. */
const AMENDMENT =
  '国务院关于修改《防汛工作管理办法》的决定\n' +
  '一、明确工作要求。各地区要认真执行修改后的办法。\n' +
  '二、修改第三章。第三章修改为：\n' +
  '“第三章　监督管理\n' +
  '一、日常监督\n' +
  '县级以上人民政府水行政主管部门负责日常监督。\n' +
  '二、专项检查\n' +
  '汛期前应当开展专项检查。”\n';

runRuleTests(rule, {
  valid: [
    { name: 'a title without a mark', code: '关于进一步做好政务公开工作的通知\n各区人民政府：' },
    { name: 'a first line that is the 主送机关', code: '各乡镇人民政府，县政府各部门：\n现将有关事项通知如下。' },
    { name: 'a salutation first', code: '各位代表！\n现在，我代表市人民政府向大会报告工作。' },
    { name: 'a draft that starts with a sentence', code: '我局认真贯彻落实上级部署。\n下一步将继续抓好落实。' },
    { name: 'a title ending with a book title mark', code: '《中华人民共和国政府信息公开条例》\n第一条　为了保障公民依法获取政府信息，制定本条例。' },
    { name: 'a Markdown title', code: '# 关于印发《政务公开工作要点》的通知\n\n各区人民政府：', format: 'md' },
    { name: 'standalone headings throughout', code: `${TITLE}一、总体要求\n坚持人民至上、生命至上。\n二、主要任务\n加强监测预警。` },
    {
      name: 'run-in headings throughout',
      code: `${TITLE}（一）推进决策公开。重大决策事项要向社会公开。\n（二）推进执行公开。重点改革任务要公开进展。`,
    },
    {
      name: 'siblings under different parents may differ',
      code: `${TITLE}一、总体要求\n（一）指导思想。坚持以人民为中心。\n（二）基本原则。坚持统筹兼顾。\n二、主要任务\n（一）加强监测预警\n完善监测网络。\n（二）强化应急处置\n健全应急预案。`,
    },
    {
      name: 'a heading alone on its line that ends with a full stop',
      code: `${TITLE}（一）“双重”负责的原则。\n各级人民政府对本地区防汛工作负总责。\n（二）属地管理的原则\n按照属地管理要求落实责任。`,
    },
    { name: 'numbered paragraphs with commas are no headings', code: `${TITLE}1.明确责任分工，落实工作任务。\n2.加强督促检查\n各单位要定期报告进展。` },
    { name: 'a list whose items end with semicolons', code: `${TITLE}（一）加强组织领导；\n（二）完善工作机制；\n（三）强化督促检查。` },
    { name: 'a lower-level item that introduces its items', code: `${TITLE}10.法人社会团体还应具备：\n（1）有专职工作人员；\n（2）有独立的办公场所。` },
    { name: 'articles are running text', code: '第一条　为了规范政务公开工作，制定本办法。\n第二条　本办法适用于全县各级行政机关。' },
    { name: 'an attachment list', code: `${TITLE}附件：1.关于做好防汛工作的实施方案\n2.防汛工作责任人名单` },
    {
      name: 'an attachment starts a new part',
      code: `${TITLE}（一）推进决策公开。重大决策事项要公开。\n（二）推进执行公开。重点任务要公开。\n附件\n（一）工作目标\n到年底建成防汛体系。`,
    },
    // The quoted chapter is another document's text: its headings are no siblings of the decision's own.
    { name: 'headings inside a quotation spanning lines', code: `${AMENDMENT}三、强化督促检查。各地区要加强督促检查。` },
    { name: 'notes under a table start a new part', code: `${TITLE}55.医务人员满意度\n注：\n1.三级公立医院考核采用全部指标。专科医院可选用部分指标。` },
    { name: 'Markdown headings without marks', code: '# 关于做好防汛工作的通知\n\n## 一、总体要求\n\n## 二、主要任务', format: 'md' },
    { name: 'a heading with a 顿号 inside', code: `${TITLE}一、加强监测、预警和应急处置\n各地要完善监测网络。` },
    { name: 'a heading ending with a bracket', code: `${TITLE}（一）总体目标（2024—2026年）\n到2026年底，基本建成防汛体系。` },
    {
      name: 'a long first sentence is body text',
      code: `${TITLE}（一）各地区各部门要按照党中央国务院的决策部署切实抓好各项工作落实。在此基础上完善机制。\n（二）完善工作机制\n健全长效机制。`,
    },
    { name: 'a table cell', code: '| 序号 | 内容 |\n|---|---|\n| 一、总体要求： | 略 |', format: 'md' },
    { name: 'a quotation', code: '# 通知\n\n> 一、总体要求：', format: 'md' },
    { name: 'a number alone on its line', code: `${TITLE}一、\n总体要求` },
    { name: 'a plain first line without a 文种', code: '同志们，\n今天我们召开全县防汛工作会议。' },
    { name: 'a document of one line', code: '关于做好防汛工作的通知。' },
    { name: 'a sentence ending with 命令', code: '请运行`备份`命令。\n运行后检查结果。', format: 'md' },
    {
      name: 'Markdown ordered lists are left to their sentences',
      code: '# 通知\n\n1. 加强组织领导。各地要成立专班。\n2. 完善工作机制',
      format: 'md',
    },
  ],
  invalid: [
    {
      name: 'a heading after a quotation spanning lines is compared with the headings before it',
      code: `${AMENDMENT}三、强化督促检查\n各地区要加强督促检查。`,
      errors: [{ messageId: 'noPeriodUnlikeFirst', line: 9, column: 3, endColumn: 9, data: { heading: '强化督促检查', first: '明确工作要求' } }],
    },
    {
      name: 'a title ending with a full stop',
      code: '关于进一步做好政务公开工作的通知。\n各区人民政府：',
      errors: [{ messageId: 'titleEndMark', line: 1, column: 17, endColumn: 18, data: { mark: '。' }, suggestions: ['关于进一步做好政务公开工作的通知\n各区人民政府：'] }],
    },
    {
      name: 'a title ending with a comma',
      code: '国务院办公厅关于印发《2024年政务公开工作要点》的通知，\n各省、自治区、直辖市人民政府：',
      errors: [{ messageId: 'titleEndMark', line: 1, column: 29, endColumn: 30, data: { mark: '，' } }],
    },
    {
      name: 'a title ending with a semicolon',
      code: '市人民政府关于加强安全生产工作的意见；\n各县（区）人民政府：',
      errors: [{ messageId: 'titleEndMark', line: 1, column: 19, endColumn: 20, data: { mark: '；' } }],
    },
    {
      name: 'a title ending with a 顿号',
      code: '县教育局关于开展校园安全大检查的通知、\n各中小学：',
      errors: [{ messageId: 'titleEndMark', line: 1, column: 19, endColumn: 20, data: { mark: '、' } }],
    },
    {
      name: 'a title ending with a half-width semicolon',
      code: '关于印发《财务管理办法》的通知;\n各科室：',
      errors: [{ messageId: 'titleEndMark', line: 1, column: 16, endColumn: 17, data: { mark: ';' } }],
    },
    {
      name: 'a Markdown title ending with a colon',
      code: '# 关于做好2024年防汛工作的通知：\n\n各乡镇人民政府：',
      format: 'md',
      errors: [{ messageId: 'titleEndMark', line: 1, column: 19, endColumn: 20, data: { mark: '：' }, suggestions: ['# 关于做好2024年防汛工作的通知\n\n各乡镇人民政府：'] }],
    },
    {
      name: 'a Markdown title ending with a full stop',
      code: '# 2024年政府工作报告。\n\n各位代表：',
      format: 'md',
      errors: [{ messageId: 'titleEndMark', line: 1, column: 14, endColumn: 15 }],
    },
    {
      name: 'a 一、 heading ending with a colon',
      code: `${TITLE}一、总体要求：\n坚持人民至上、生命至上。`,
      errors: [{ messageId: 'headingEndMark', line: 2, column: 7, endColumn: 8, data: { heading: '一、总体要求：', mark: '：' }, suggestions: [`${TITLE}一、总体要求\n坚持人民至上、生命至上。`] }],
    },
    {
      name: 'a （一） heading ending with a comma',
      code: `${TITLE}（一）加强组织领导，\n各地要成立工作专班。`,
      errors: [{ messageId: 'headingEndMark', line: 2, column: 10, endColumn: 11, data: { mark: '，' } }],
    },
    {
      name: 'a （二） heading ending with a colon',
      code: `${TITLE}（二）工作目标：\n到2025年底，基本建成防汛减灾体系。`,
      errors: [{ messageId: 'headingEndMark', line: 2, column: 8, endColumn: 9, data: { mark: '：' } }],
    },
    {
      name: 'a 1. heading ending with a comma',
      code: `${TITLE}1.明确责任分工，\n各单位要落实主体责任。`,
      errors: [{ messageId: 'headingEndMark', line: 2, column: 9, endColumn: 10, data: { mark: '，' } }],
    },
    {
      name: 'a heading ending with a half-width colon',
      code: `${TITLE}一、基本原则:\n坚持统筹兼顾。`,
      errors: [{ messageId: 'headingEndMark', line: 2, column: 7, endColumn: 8, data: { mark: ':' } }],
    },
    {
      name: 'a heading ending with a half-width comma',
      code: `${TITLE}（三）强化督促检查,\n定期通报进展。`,
      errors: [{ messageId: 'headingEndMark', line: 2, column: 10, endColumn: 11, data: { mark: ',' } }],
    },
    {
      name: 'a chapter heading ending with a colon',
      code: '第一章　总则：\n第一条　为了规范政务公开工作，制定本办法。',
      errors: [{ messageId: 'headingEndMark', line: 1, column: 7, endColumn: 8, data: { mark: '：' } }],
    },
    {
      name: 'a numbered Markdown heading ending with a colon',
      code: '# 关于做好防汛工作的通知\n\n## 二、主要任务：',
      format: 'md',
      errors: [{ messageId: 'headingEndMark', line: 3, column: 10, endColumn: 11, data: { heading: '二、主要任务：' } }],
    },
    {
      name: 'an unnumbered Markdown heading ending with a comma',
      code: '# 关于做好防汛工作的通知\n\n## 工作要求，',
      format: 'md',
      errors: [{ messageId: 'headingEndMark', line: 3, column: 8, endColumn: 9, suggestions: ['# 关于做好防汛工作的通知\n\n## 工作要求'] }],
    },
    {
      name: 'an unnumbered Markdown heading ending with a semicolon',
      code: '# 关于做好防汛工作的通知\n\n## 保障措施；',
      format: 'md',
      errors: [{ messageId: 'headingEndMark', line: 3, column: 8, endColumn: 9, data: { mark: '；' } }],
    },
    {
      name: 'a standalone heading after a run-in one',
      code: `${TITLE}（一）推进决策公开。重大决策事项要向社会公开。\n（二）推进执行公开\n重点改革任务要公开进展。`,
      errors: [{ messageId: 'noPeriodUnlikeFirst', line: 3, column: 4, endColumn: 10, data: { heading: '推进执行公开', first: '推进决策公开' } }],
    },
    {
      name: 'a run-in heading after a standalone one',
      code: `${TITLE}（一）推进决策公开\n重大决策事项要向社会公开。\n（二）推进执行公开。重点改革任务要公开进展。`,
      errors: [{ messageId: 'periodUnlikeFirst', line: 4, column: 10, endColumn: 11, data: { heading: '推进执行公开', first: '推进决策公开' } }],
    },
    {
      name: 'at the top level',
      code: `${TITLE}一、总体要求。坚持人民至上、生命至上。\n二、主要任务\n加强监测预警。`,
      errors: [{ messageId: 'noPeriodUnlikeFirst', line: 3, column: 3, endColumn: 7 }],
    },
    {
      name: 'at the 1. level',
      code: `${TITLE}1.加强组织领导。各单位要成立工作专班。\n2.完善工作机制\n健全长效机制。`,
      errors: [{ messageId: 'noPeriodUnlikeFirst', line: 3, column: 3, endColumn: 9 }],
    },
    {
      name: 'at the （1） level',
      code: `${TITLE}（1）开展隐患排查\n全面排查在建工程。\n（2）落实整改责任。对排查出的问题限期整改。`,
      errors: [{ messageId: 'periodUnlikeFirst', line: 4, column: 10, endColumn: 11 }],
    },
    {
      name: 'the third of three siblings differs',
      code: `${TITLE}（一）指导思想。坚持以人民为中心。\n（二）基本原则。坚持统筹兼顾。\n（三）主要目标\n到2025年基本建成防汛体系。`,
      errors: [{ messageId: 'noPeriodUnlikeFirst', line: 4, column: 4, endColumn: 8, data: { heading: '主要目标', first: '指导思想' } }],
    },
    {
      name: 'siblings under one parent, after other parents',
      code: `${TITLE}一、总体要求\n（一）指导思想。坚持以人民为中心。\n二、主要任务\n（一）加强监测预警。完善监测网络。\n（二）强化应急处置\n健全应急预案。`,
      errors: [{ messageId: 'noPeriodUnlikeFirst', line: 6, column: 4, endColumn: 10 }],
    },
    {
      name: 'inside an attachment',
      code: `${TITLE}附件\n防汛工作实施方案\n（一）工作目标。到年底建成防汛体系。\n（二）工作措施\n完善监测网络。`,
      errors: [{ messageId: 'noPeriodUnlikeFirst', line: 5, column: 4, endColumn: 8 }],
    },
    {
      name: 'a title and a heading in one document',
      code: '关于做好2024年防汛工作的通知。\n一、总体要求：\n坚持人民至上。',
      errors: [
        { messageId: 'titleEndMark', line: 1, column: 17, endColumn: 18 },
        { messageId: 'headingEndMark', line: 2, column: 7, endColumn: 8 },
      ],
    },
    {
      name: 'in a Markdown paragraph of soft-broken lines',
      code: '# 关于做好防汛工作的通知\n\n（一）推进决策公开。重大决策事项要公开。\n（二）推进执行公开\n重点任务要公开。',
      format: 'md',
      errors: [{ messageId: 'noPeriodUnlikeFirst', line: 4, column: 4, endColumn: 10 }],
    },
  ],
});

describe('heading-punctuation on the published corpus', () => {
  it('finds nothing', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.message}`)).toEqual([]);
  });
});
