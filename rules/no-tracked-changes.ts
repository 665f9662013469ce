import * as z from 'zod';
import type { DocxRevision } from '../src/core/document.js';
import { quoteForMessage, reviewerName } from '../src/core/docx/review-text.js';
import { defineRule } from '../src/core/rule.js';

const messages = {
  inserted: '“{{author}}”插入的“{{text}}”尚未处理（修订未接受或拒绝）：请在 Word 的“审阅”中接受或拒绝这处修订',
  deleted: '“{{author}}”删除的“{{text}}”尚未处理（修订未接受或拒绝）：请在 Word 的“审阅”中接受或拒绝这处修订',
  movedFrom: '“{{author}}”从此处移走的“{{text}}”尚未处理（修订未接受或拒绝）：请在 Word 的“审阅”中接受或拒绝这处修订',
  movedTo: '“{{author}}”移到此处的“{{text}}”尚未处理（修订未接受或拒绝）：请在 Word 的“审阅”中接受或拒绝这处修订',
  formatted: '“{{author}}”对“{{text}}”的格式修改尚未处理（修订未接受或拒绝）：请在 Word 的“审阅”中接受或拒绝这处修订',
  paragraphFormatted: '“{{author}}”对本段的段落格式修改尚未处理（修订未接受或拒绝）：请在 Word 的“审阅”中接受或拒绝这处修订',
  paragraphMark: '“{{author}}”{{action}}的段落标记尚未处理（修订未接受或拒绝）：请在 Word 的“审阅”中接受或拒绝这处修订',
};

type MessageId = keyof typeof messages;

function messageFor(revision: DocxRevision): { messageId: MessageId; action?: string } {
  const empty = revision.text === '';
  switch (revision.kind) {
    case 'insertion':
      return empty ? { messageId: 'paragraphMark', action: '插入' } : { messageId: 'inserted' };
    case 'deletion':
      return empty ? { messageId: 'paragraphMark', action: '删除' } : { messageId: 'deleted' };
    case 'move-from':
      return { messageId: 'movedFrom' };
    case 'move-to':
      return { messageId: 'movedTo' };
    case 'formatting':
      return { messageId: empty ? 'paragraphFormatted' : 'formatted' };
  }
}

export default defineRule({
  id: 'no-tracked-changes',
  description: 'Word 文档中遗留未接受或拒绝的修订（插入、删除、移动、格式修改）',
  severity: 'error',
  fixable: false,
  messages,
  options: z.object({}).strict(),
  check(document, report) {
    for (const revision of document.docx?.revisions ?? []) {
      const { messageId, action } = messageFor(revision);
      report({
        block: revision.block,
        start: revision.start,
        end: revision.end,
        messageId,
        data: { author: reviewerName(revision.author), text: quoteForMessage(revision.text), ...(action ? { action } : {}) },
      });
    }
  },
});
