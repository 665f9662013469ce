import YAML from 'yaml';
import { rules as defaultRegistry } from '../../../rules/index.js';
import type { Rule } from '../rule.js';
import { ConfigError, type RulesConfig } from './resolve-rules.js';
import { validateRulesConfig } from './schema.js';

const SOURCE = '--rule';
const RULE_ID_COLON = /^(\s*[a-z][a-z0-9-]*):(?=\S)/;

/**
 * Parses one `--rule` value. It is read as YAML, so these all work:
 * `no-placeholder: off`, `no-placeholder: [warn, {}]`, `{"no-placeholder": ["warn", {}]}`,
 * and several rules at once: `{no-placeholder: off, paragraph-end: error}`.
 * Throws ConfigError (source `--rule`) for bad syntax, unknown ids, bad severities or options.
 */
export function parseRuleFlag(text: string, registry: readonly Rule[] = defaultRegistry): RulesConfig {
  let value: unknown;
  try {
    // `id:warn` is one YAML scalar; the space makes it the mapping the user meant.
    value = YAML.parse(text.replace(RULE_ID_COLON, '$1: '));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(SOURCE, '', `“${text}”无法解析（${detail}），应写成 '规则id: 严重程度' 或 '{"规则id": ["warn", {选项}]}'`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(SOURCE, '', `“${text}”应写成 '规则id: 严重程度' 或 '{"规则id": ["warn", {选项}]}'`);
  }
  return validateRulesConfig(value, SOURCE, registry);
}
