import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-comments.js';
import { paragraph, run } from '../fixtures/docx/build.js';
import { lintWithRule, runRuleTests } from '../helpers/rule-tester.js';

function comment(id: number, author: string, text: string): string {
  return `<w:comment w:id="${id}" w:author="${author}" w:date="2024-03-01T09:00:00Z"><w:p>${run(text)}</w:p></w:comment>`;
}

runRuleTests(rule, {
  valid: [
    { name: 'a clean draft', code: paragraph(run('请示妥否，请批示。')), format: 'docx' },
    { name: 'a comment part whose comment is anchored nowhere', code: paragraph(run('特此通知。')) + comment(0, '办公室', '孤立的批注'), format: 'docx' },
    { name: 'the word 批注 in plain text', code: '请各单位根据批注意见修改后报送。' },
  ],
  invalid: [
    {
      name: 'a comment on a range, at its anchor',
      code:
        paragraph(run('根据') + '<w:commentRangeStart w:id="0"/>' + run('《XX管理') + run('办法》') + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' + run('规定。')) +
        comment(0, '办公室', '请核实文件全称'),
      format: 'docx',
      errors: [{ messageId: 'comment', line: 1, column: 3, endLine: 1, endColumn: 11, data: { author: '办公室', text: '请核实文件全称' } }],
    },
    {
      name: 'a comment with only its reference mark, and one spanning two paragraphs',
      code:
        paragraph(run('请示妥否，请批示。') + '<w:r><w:commentReference w:id="1"/></w:r>') +
        paragraph(run('附件：') + '<w:commentRangeStart w:id="2"/>' + run('1.实施方案')) +
        paragraph(run('2.分工表') + '<w:commentRangeEnd w:id="2"/>') +
        comment(1, '李四', '结束语可以') +
        comment(2, '', '附件名称与正文不一致'),
      format: 'docx',
      errors: [
        { messageId: 'comment', line: 1, column: 10, endLine: 1, endColumn: 10, data: { author: '李四' } },
        { messageId: 'comment', line: 2, column: 4, endLine: 2, endColumn: 10, data: { author: '未署名的审阅者', text: '附件名称与正文不一致' } },
      ],
    },
  ],
});

describe('no-comments messages', () => {
  it('quotes the comment and its author', () => {
    const [message] = lintWithRule(rule, paragraph(run('特此通知。') + '<w:r><w:commentReference w:id="3"/></w:r>') + comment(3, '王五', '同意'), 'docx');
    expect(message.message).toBe('遗留批注：“王五”批注“同意”：定稿前请处理批注意见，并在 Word 的“审阅”中删除批注');
  });
});
