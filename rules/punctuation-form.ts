import { z } from 'zod';
import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'punctuation-form',
  description: '省略号、破折号、连接号的形式错误',
  severity: 'warn',
  fixable: true,
  messages: {},
  options: z.object({}).strict(),
  check() {},
});
