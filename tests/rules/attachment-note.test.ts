import { describe, expect, it } from 'vitest';
import rule from '../../rules/attachment-note.js';
import sectionNumbering from '../../rules/section-numbering.js';
import { corpusFiles, corpusFindings } from '../helpers/corpus.js';
import { lintWithRule, runRuleTests } from '../helpers/rule-tester.js';

const BODY = '现将《关于推进政务公开的实施方案》印发给你们，请认真贯彻执行。';
const SIGNATURE = '县人民政府办公室\n2024年5月8日';

runRuleTests(rule, {
  valid: [
    { name: 'one attachment, unnumbered', code: `${BODY}\n附件：关于推进政务公开的实施方案\n${SIGNATURE}` },
    { name: 'two attachments, numbered', code: `${BODY}\n附件：1.关于推进政务公开的实施方案\n　　　2.政务公开工作考核办法\n${SIGNATURE}` },
    { name: 'numbered with a full-width dot', code: `${BODY}\n附件：1．实施方案\n2．考核办法\n${SIGNATURE}` },
    { name: 'the name on the line after an empty 附件：', code: `${BODY}\n附件：\n包头市数字政府建设考评指标\n附件\n包头市数字政府建设考评指标` },
    { name: 'a name ending in a bracket', code: `${BODY}\n附件：关于推进政务公开的实施方案（试行）\n${SIGNATURE}` },
    { name: 'a name ending in a year range', code: '附件：安徽省工业互联网创新发展行动计划（2021—2023年）' },
    { name: 'the body cites what the note lists', code: `请填写登记表（见附件1）和汇总表（附件2）。\n附件：1.登记表\n2.汇总表\n${SIGNATURE}` },
    { name: '见附件 with one attachment', code: `具体指标见附件。\n附件：三级公立医院绩效考核指标\n${SIGNATURE}` },
    { name: 'citations with a range', code: `有关表格见附件1至3。\n附件：1.登记表\n2.申报单\n3.通知单` },
    { name: 'a note that lost its colon', code: '坐标详见附件1）。\n附件1.深圳湾口岸查验区界址点坐标\n    2.大桥桥面界址点坐标\n国务院' },
    { name: '附件 without a number or 见 is no citation', code: '各地要将本通知及其附件转发至基层单位。' },
    { name: 'a document without attachments', code: `${BODY}\n${SIGNATURE}` },
    { name: 'the attachment itself cites its own number', code: `${BODY}\n附件：登记表\n${SIGNATURE}\n附件\n登记表\n注：本表同附件2的填报口径一致。` },
    { name: 'a half-width colon is punctuation-width’s', code: `${BODY}\n附件:关于推进政务公开的实施方案` },
    { name: 'Chinese numerals in a citation', code: `详见附件一。\n附件：实施细则` },
    { name: 'a Markdown ordered list under the note', code: `${BODY}\n\n附件：\n\n1. 实施方案\n2. 考核办法`, format: 'md' },
    { name: 'a Markdown note in one paragraph', code: `${BODY}\n\n附件：1.实施方案\n2.考核办法`, format: 'md' },
    { name: 'a table cell mentioning 附件2', code: '| 材料 | 说明 |\n| --- | --- |\n| 登记表 | 见附件2 |', format: 'md' },
    { name: 'attachments appended after the note', code: `请按附件2格式填报。\n附件：1.登记表\n2.申报单\n${SIGNATURE}\n附件1\n登记表\n附件2\n申报单` },
    { name: 'an indented note', code: `${BODY}\n　　附件：1.自治区质监局各单位信息宣传联络员登记表\n\n　　2.自治区质监局各单位申请宣传申报单` },
    { name: 'an attachment heading with a colon', code: `${BODY}\n附件：方案\n${SIGNATURE}\n附件1：\n实施方案` },
    { name: 'a note with three items', code: '附件：1.名单\n2.日程\n3.回执' },
    { name: 'a long name wrapped onto the next line', code: '附件：1.关于进一步加强和改进基层政务公开标准化\n　　　　规范化工作的实施方案\n　　　2.考核办法\n县人民政府办公室' },
    { name: 'a name ending in a closing quote', code: '附件：关于开展“清风行动”的实施方案' },
    { name: 'a name ending in a 书名号 pair', code: '附件：《政务公开工作考核办法》' },
    { name: 'the note after a blank line in plain text', code: `${BODY}\n\n附件：关于推进政务公开的实施方案\n\n${SIGNATURE}` },
  ],
  invalid: [
    {
      name: 'one attachment with a number',
      code: `${BODY}\n附件：1.关于推进政务公开的实施方案\n${SIGNATURE}`,
      errors: [{ messageId: 'singleNumbered', line: 2, column: 4, endColumn: 6, data: { marker: '1.' }, suggestions: [`${BODY}\n附件：关于推进政务公开的实施方案\n${SIGNATURE}`] }],
    },
    {
      name: 'one attachment with a full-width dot',
      code: '附件：1．政务公开工作考核办法',
      errors: [{ messageId: 'singleNumbered', line: 1, column: 4, endColumn: 6, data: { marker: '1．' }, suggestions: ['附件：政务公开工作考核办法'] }],
    },
    {
      name: 'one attachment numbered 1、',
      code: '附件：1、政务公开工作考核办法\n县人民政府办公室',
      errors: [{ messageId: 'singleNumbered', line: 1, column: 4, endColumn: 6 }],
    },
    {
      name: 'one attachment, numbered, on the line after 附件：',
      code: '附件：\n1.政务公开工作考核办法\n县人民政府办公室',
      errors: [{ messageId: 'singleNumbered', line: 2, column: 1, endColumn: 3 }],
    },
    {
      name: 'a full stop after the only name',
      code: `${BODY}\n附件：关于推进政务公开的实施方案。\n${SIGNATURE}`,
      errors: [{ messageId: 'endPunctuation', line: 2, column: 17, endColumn: 18, data: { mark: '。', name: '关于推进政务公开的实施方案”' } }],
      output: `${BODY}\n附件：关于推进政务公开的实施方案\n${SIGNATURE}`,
    },
    {
      name: 'semicolons and a full stop after numbered names',
      code: '附件：1.实施方案；\n2.考核办法；\n3.工作台账。',
      errors: [
        { messageId: 'endPunctuation', line: 1, column: 10, endColumn: 11, data: { mark: '；' } },
        { messageId: 'endPunctuation', line: 2, column: 7, endColumn: 8 },
        { messageId: 'endPunctuation', line: 3, column: 7, endColumn: 8 },
      ],
      output: '附件：1.实施方案\n2.考核办法\n3.工作台账',
    },
    {
      name: 'a comma after a name',
      code: '附件：1.参会人员名单，\n2.会议日程',
      errors: [{ messageId: 'endPunctuation', line: 1, column: 12, endColumn: 13, data: { mark: '，' } }],
      output: '附件：1.参会人员名单\n2.会议日程',
    },
    {
      name: 'a half-width full stop after a name',
      code: '附件：1.参会回执.\n2.会议须知',
      errors: [{ messageId: 'endPunctuation', line: 1, column: 10, endColumn: 11, data: { mark: '.' } }],
      output: '附件：1.参会回执\n2.会议须知',
    },
    {
      name: 'a 顿号 after a name',
      code: '附件：1.申报表、\n2.承诺书',
      errors: [{ messageId: 'endPunctuation', line: 1, column: 9, endColumn: 10 }],
      output: '附件：1.申报表\n2.承诺书',
    },
    {
      name: 'a full stop after a numbered name and a number on one attachment',
      code: '附件：1.工作方案。',
      errors: [
        { messageId: 'singleNumbered', line: 1, column: 4, endColumn: 6 },
        { messageId: 'endPunctuation', line: 1, column: 10, endColumn: 11 },
      ],
      output: '附件：1.工作方案',
    },
    {
      name: 'the name on its own line with a full stop',
      code: '附件：\n包头市数字政府建设考评指标。',
      errors: [{ messageId: 'endPunctuation', line: 2, column: 14, endColumn: 15 }],
      output: '附件：\n包头市数字政府建设考评指标',
    },
    {
      name: 'a note that lost its colon, with a full stop',
      code: '附件1.查验区界址点坐标。\n    2.大桥桥面界址点坐标',
      errors: [{ messageId: 'endPunctuation', line: 1, column: 13, endColumn: 14 }],
      output: '附件1.查验区界址点坐标\n    2.大桥桥面界址点坐标',
    },
    {
      name: 'an indented note with trailing padding',
      code: '　　附件：关于推进政务公开的实施方案。　　',
      errors: [{ messageId: 'endPunctuation', line: 1, column: 19, endColumn: 20 }],
      output: '　　附件：关于推进政务公开的实施方案　　',
    },
    {
      name: 'a Markdown note in one paragraph with a full stop',
      code: '附件：1.实施方案。\n2.考核办法',
      format: 'md',
      errors: [{ messageId: 'endPunctuation', line: 1, column: 10, endColumn: 11 }],
      output: '附件：1.实施方案\n2.考核办法',
    },
    {
      name: 'a Markdown list item with a full stop',
      code: '附件：\n\n1. 实施方案。\n2. 考核办法',
      format: 'md',
      errors: [{ messageId: 'endPunctuation', line: 3, column: 8, endColumn: 9 }],
      output: '附件：\n\n1. 实施方案\n2. 考核办法',
    },
    {
      name: '见附件 without a note (a warning)',
      code: `具体考核指标见附件。\n${SIGNATURE}`,
      errors: [{ messageId: 'noNote', line: 1, column: 7, endColumn: 10, data: { cited: '见附件' } }],
    },
    {
      name: '（附件2） without a note',
      code: `请各单位填写汇总表（附件2），于5月20日前报送。\n${SIGNATURE}`,
      errors: [{ messageId: 'noNote', line: 1, column: 11, endColumn: 14, data: { cited: '附件2' } }],
    },
    {
      name: '详见附件1 without a note, before the attachment itself',
      code: `查验区范围以界址点坐标为准（详见附件1）。\n国务院\n附件1\n查验区界址点坐标`,
      errors: [{ messageId: 'noNote', line: 1, column: 15, endColumn: 20 }],
    },
    {
      name: 'the body cites more attachments than the note lists',
      code: `请填写登记表（见附件1）和汇总表（附件2）。\n附件：登记表\n${SIGNATURE}`,
      errors: [{ messageId: 'fewerInNote', line: 1, column: 18, endColumn: 21, data: { cited: '附件2', count: 1 } }],
    },
    {
      name: 'a range beyond the note',
      code: '有关表格见附件1至3。\n附件：1.登记表\n2.申报单',
      errors: [{ messageId: 'fewerInNote', line: 1, column: 5, endColumn: 11, data: { count: 2 } }],
    },
    {
      name: 'a citation in Chinese numerals beyond the note',
      code: '具体标准详见附件三。\n附件：1.标准一\n2.标准二',
      errors: [{ messageId: 'fewerInNote', line: 1, column: 5, endColumn: 10 }],
    },
    {
      name: 'a citation without 见',
      code: `各单位按附件3的格式报送。\n附件：1.登记表\n2.申报单`,
      errors: [{ messageId: 'fewerInNote', line: 1, column: 5, endColumn: 8 }],
    },
    {
      name: 'citations in two places: only the first beyond the note is reported',
      code: `填写汇总表（附件2）和明细表（附件3）。\n附件：登记表`,
      errors: [{ messageId: 'fewerInNote', line: 1, column: 7, endColumn: 10 }],
    },
    {
      name: 'a citation in a Markdown list without a note',
      code: `- 报送材料见附件2\n- 按时报送`,
      format: 'md',
      errors: [{ messageId: 'noNote', line: 1, column: 7, endColumn: 11 }],
    },
    {
      name: 'a full stop after a wrapped name',
      code: '附件：1.关于进一步加强和改进基层政务公开标准化\n　　　　规范化工作的实施方案。\n　　　2.考核办法',
      errors: [{ messageId: 'endPunctuation', line: 2, column: 15, endColumn: 16 }],
      output: '附件：1.关于进一步加强和改进基层政务公开标准化\n　　　　规范化工作的实施方案\n　　　2.考核办法',
    },
    {
      name: 'a citation of 附件1、2 beyond a one-item note',
      code: `表样见附件1、2。\n附件：登记表`,
      errors: [{ messageId: 'fewerInNote', line: 1, column: 3, endColumn: 9 }],
    },
  ],
});

describe('attachment-note and section-numbering', () => {
  it('leaves the sequence of numbered attachments to section-numbering', () => {
    const code = '附件：1.实施方案\n3.考核办法';
    expect(lintWithRule(rule, code)).toEqual([]);
    expect(lintWithRule(sectionNumbering, code).map((m) => `${m.line}:${m.column} ${m.messageId}`)).toEqual(['2:1 gap']);
  });

  it('warns about missing notes and errs on the note itself', () => {
    expect(lintWithRule(rule, '具体考核指标见附件。').map((m) => m.severity)).toEqual([1]);
    expect(lintWithRule(rule, '附件：1.工作方案').map((m) => m.severity)).toEqual([2]);
  });
});

describe('attachment-note on the published corpus', () => {
  it('finds nothing', () => {
    expect(corpusFiles().length).toBeGreaterThan(100);
    expect(corpusFindings([rule], (file, message) => `${file}:${message.line}:${message.column} ${message.message}`)).toEqual([]);
  });
});
