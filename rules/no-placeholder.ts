import { z } from 'zod';
import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'no-placeholder',
  description: '模板中遗留的占位符（X年、某某、○○、【单位名称】、＿＿＿等）',
  severity: 'error',
  fixable: false,
  messages: {},
  options: z.object({}).strict(),
  check() {},
});
