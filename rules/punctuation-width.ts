import { z } from 'zod';
import { defineRule } from '../src/rule.js';

export default defineRule({
  id: 'punctuation-width',
  description: '中文语境中的半角标点（, ; : ? ! ( )）应为全角',
  severity: 'error',
  fixable: true,
  messages: {},
  options: z.object({}).strict(),
  check() {},
});
