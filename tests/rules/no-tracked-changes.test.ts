import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-tracked-changes.js';
import { deleted, inserted, paragraph, run } from '../fixtures/docx/build.js';
import { lintWithRule, runRuleTests } from '../helpers/rule-tester.js';

const DATE = 'w:date="2024-03-01T09:00:00Z"';

runRuleTests(rule, {
  valid: [
    { name: 'a clean draft', code: paragraph(run('各单位应当于') + run('3月底前') + run('报送。')), format: 'docx' },
    { name: 'an empty document', code: '', format: 'docx' },
    { name: 'the same words in plain text', code: '“张三”删除的“原则上”尚未处理' },
    { name: 'Markdown that mentions w:ins', code: '修订标记 `<w:ins>` 在正文中不应出现。', format: 'md' },
  ],
  invalid: [
    {
      name: 'a deletion, at the place of the deleted text',
      code: paragraph(run('各单位') + deleted(1, '张三', '原则上') + run('应当于月底前报送。')),
      format: 'docx',
      errors: [{ messageId: 'deleted', line: 1, column: 4, endLine: 1, endColumn: 4, data: { author: '张三', text: '原则上' } }],
    },
    {
      name: 'an insertion split over two w:ins of one author is one revision',
      code: paragraph('') + paragraph(run('请于') + inserted(2, '李四', '3月') + inserted(3, '李四', '底') + run('前报送。')),
      format: 'docx',
      errors: [{ messageId: 'inserted', line: 2, column: 3, endLine: 2, endColumn: 6, data: { author: '李四', text: '3月底' } }],
    },
    {
      name: 'a replacement: a deletion and an insertion',
      code: paragraph(run('由') + deleted(4, '张三', '县政府办') + inserted(5, '张三', '县应急局') + run('牵头。')),
      format: 'docx',
      errors: [
        { messageId: 'deleted', line: 1, column: 2, data: { text: '县政府办' } },
        { messageId: 'inserted', line: 1, column: 2, data: { text: '县应急局' } },
      ],
    },
    {
      name: 'moved text: where it left and where it went',
      code: paragraph(
        run('会议') +
          `<w:moveFrom w:id="6" w:author="王五" ${DATE}>${run('由县长主持')}</w:moveFrom>` +
          run('定于本周五召开') +
          `<w:moveTo w:id="7" w:author="王五" ${DATE}>${run('，由县长主持')}</w:moveTo>` +
          run('。'),
      ),
      format: 'docx',
      errors: [
        { messageId: 'movedFrom', line: 1, column: 3, endLine: 1, endColumn: 3, data: { author: '王五', text: '由县长主持' } },
        { messageId: 'movedTo', line: 1, column: 10, endLine: 1, endColumn: 16, data: { author: '王五', text: '，由县长主持' } },
      ],
    },
    {
      name: 'formatting changes of a run and of a paragraph, and an inserted paragraph mark',
      code: paragraph(
        `<w:r><w:rPr><w:b/><w:rPrChange w:id="8" w:author="赵六" ${DATE}><w:rPr/></w:rPrChange></w:rPr><w:t>加强领导</w:t></w:r>` + run('。'),
        `<w:jc w:val="center"/><w:pPrChange w:id="9" w:author="赵六" ${DATE}><w:pPr/></w:pPrChange><w:rPr><w:ins w:id="10" w:author="" ${DATE}/></w:rPr>`,
      ),
      format: 'docx',
      errors: [
        { messageId: 'paragraphFormatted', line: 1, column: 1, endLine: 1, endColumn: 6, data: { author: '赵六' } },
        { messageId: 'formatted', line: 1, column: 1, endLine: 1, endColumn: 5, data: { author: '赵六', text: '加强领导' } },
        { messageId: 'paragraphMark', line: 1, column: 6, endLine: 1, endColumn: 6, data: { author: '未署名的审阅者', action: '插入' } },
      ],
    },
  ],
});

describe('no-tracked-changes messages', () => {
  it('reads as the issue words it, naming the author and quoting the text', () => {
    const [message] = lintWithRule(rule, paragraph(run('各单位') + deleted(1, '张三', '原则上') + run('应当报送。')), 'docx');
    expect(message.message).toMatch(/^“张三”删除的“原则上”尚未处理（修订未接受或拒绝）/);
  });

  it('shortens a long quoted text', () => {
    const long = '根据《中华人民共和国突发事件应对法》和《国家突发公共事件总体应急预案》等有关规定';
    const [message] = lintWithRule(rule, paragraph(inserted(1, '李四', long)), 'docx');
    expect(message.message).toContain(`“${long.slice(0, 30)}…”`);
  });
});
