import { z } from 'zod';
import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'section-numbering',
  description: '层次序号（一、（一）1.（1））断号、重号、缺号或形式错误',
  severity: 'error',
  fixable: true,
  messages: {},
  options: z.object({}).strict(),
  check() {},
});
