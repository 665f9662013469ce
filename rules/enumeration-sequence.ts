import { z } from 'zod';
import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'enumeration-sequence',
  description: '段内列举（一是……二是……、第一，……第二，……）断号、重号或混用',
  severity: 'error',
  fixable: false,
  messages: {},
  options: z.object({}).strict(),
  check() {},
});
