import { z } from 'zod';
import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'paragraph-end',
  description: '正文段落以逗号、顿号或分号结尾，句子未完',
  severity: 'error',
  fixable: false,
  messages: {},
  options: z.object({}).strict(),
  check() {},
});
