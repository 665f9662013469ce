import { z } from 'zod';
import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'punctuation-sequence',
  description: '两个点号连用（，；、。。、,; 等）',
  severity: 'error',
  fixable: true,
  messages: {},
  options: z.object({}).strict(),
  check() {},
});
