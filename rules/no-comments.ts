import * as z from 'zod';
import { defineRule } from '../src/core/rule.js';
import { quoteForMessage, reviewerName } from '../src/core/docx/review-text.js';

const messages = {
  comment: '遗留批注：“{{author}}”批注“{{text}}”：定稿前请处理批注意见，并在 Word 的“审阅”中删除批注',
};

export default defineRule({
  id: 'no-comments',
  description: 'Word 文档中遗留批注',
  severity: 'error',
  fixable: false,
  messages,
  options: z.object({}).strict(),
  check(document, report) {
    for (const comment of document.docx?.comments ?? []) {
      report({ block: comment.block, start: comment.start, end: comment.end, messageId: 'comment', data: { author: reviewerName(comment.author), text: quoteForMessage(comment.text) } });
    }
  },
});
