import * as z from 'zod';
import { rules as defaultRegistry } from '../../../rules/index.js';
import type { Rule } from '../rule.js';
import { buildConfigSchema } from './schema.js';

/** Where the committed schema lives, relative to the project root. */
export const CONFIG_JSON_SCHEMA_PATH = 'schema/gongwenrc.schema.json';

/**
 * The JSON Schema of the config file, from the same zod schema that validates it, so that editors offer
 * exactly the rule ids and options the linter accepts. Draft-07, which every common editor understands.
 */
export function generateConfigJsonSchema(registry: readonly Rule[] = defaultRegistry): Record<string, unknown> {
  return {
    ...z.toJSONSchema(buildConfigSchema(registry), { target: 'draft-7', io: 'input' }),
    title: 'gongwen-lint 配置',
  };
}

/** The file's exact text: two-space indentation and a final newline, as committed. */
export function renderConfigJsonSchema(registry: readonly Rule[] = defaultRegistry): string {
  return `${JSON.stringify(generateConfigJsonSchema(registry), null, 2)}\n`;
}
