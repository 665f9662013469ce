import { z } from 'zod';
import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'punctuation-pair',
  description: '成对标点（引号、书名号、括号）不配对或嵌套错误',
  severity: 'error',
  fixable: false,
  messages: {},
  options: z.object({}).strict(),
  check() {},
});
