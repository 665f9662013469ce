import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_JSON_SCHEMA_PATH, generateConfigJsonSchema, renderConfigJsonSchema } from '../../src/core/config/json-schema.js';
import { rules } from '../../rules/index.js';

describe('schema/gongwenrc.schema.json', () => {
  it('is what the code generates (regenerate with: npm run build && node dist/src/node/config/write-schema.js)', () => {
    const committed = readFileSync(new URL(`../../${CONFIG_JSON_SCHEMA_PATH}`, import.meta.url), 'utf8');
    expect(committed).toBe(renderConfigJsonSchema());
  });

  it('offers every rule id, described by the rule, and nothing else', () => {
    const schema = generateConfigJsonSchema() as {
      properties: { rules: { properties: Record<string, { description?: string }>; additionalProperties: boolean } };
    };
    const ruleProperties = schema.properties.rules.properties;
    expect(Object.keys(ruleProperties)).toEqual(rules.map((rule) => rule.id));
    for (const rule of rules) expect(ruleProperties[rule.id].description).toBe(rule.description);
    expect(schema.properties.rules.additionalProperties).toBe(false);
  });
});
