import * as z from 'zod';
import type { Rule } from '../rule.js';
import { layoutSettingsSchema } from '../layout/profile.js';
import { ConfigError, SEVERITIES, formatKey, ruleSettingProblem, ZOD_PARSE_CONTEXT, type RulesConfig } from './resolve-rules.js';

const severitySchema = z.enum(SEVERITIES).describe('严重程度："off" 关闭，"warn" 警告，"error" 错误');

const globListSchema = z.array(z.string().min(1));

/** A rule's setting: its severity, or `[severity]`, or `[severity, options]` validated by the rule's own schema. */
function ruleSettingSchema(rule: Rule): z.ZodType {
  return z
    .union([severitySchema, z.tuple([severitySchema]), z.tuple([severitySchema, rule.options])])
    .describe(rule.description);
}

function rulesSchema(registry: readonly Rule[]): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const rule of registry) shape[rule.id] = ruleSettingSchema(rule).optional();
  return z.object(shape).strict().describe('规则设置：规则 id → 严重程度或 [严重程度, 选项]');
}

/**
 * The config file's shape, built from the rule registry so that each rule's options are validated (and
 * described in the JSON Schema) by the schema the rule itself declares.
 */
export function buildConfigSchema(registry: readonly Rule[]): z.ZodType {
  const rules = rulesSchema(registry);
  return z
    .object({
      $schema: z.string().optional().describe('编辑器用的 JSON Schema 地址，gongwen-lint 不读取'),
      root: z.boolean().optional().describe('为 true 时不再向上级目录查找配置文件'),
      rules: rules.optional(),
      layout: layoutSettingsSchema
        .optional()
        .describe('版式标准（Word 文档的版式规则共用）：{"profile": "gb9704", "fonts": {"body": ["仿宋_GB2312"]}}；规则自己的选项优先'),
      fixAs: z
        .enum(['revisions', 'direct'])
        .optional()
        .describe('--fix 修正 Word 文档（.docx）的方式："revisions"（默认）作为修订写入，可在 Word/WPS 中逐条接受或拒绝；"direct" 直接改写文字'),
      ignores: globListSchema
        .optional()
        .describe('不检查的文件：相对于本配置文件所在目录的 glob；不含“/”的模式匹配任意层级的文件或目录名'),
      overrides: z
        .array(
          z
            .object({
              files: globListSchema
                .min(1)
                .describe('适用的文件：相对于本配置文件所在目录的 glob；不含“/”的模式匹配任意层级的文件名'),
              rules,
            })
            .strict(),
        )
        .optional()
        .describe('对部分文件另行设置规则，后写的覆盖先写的'),
    })
    .strict()
    .describe('gongwen-lint 配置文件（.gongwenrc.json、.gongwenrc.yaml 或 package.json 的 "gongwen" 键）');
}

/** A config file after validation. */
export interface ConfigFileContent {
  root?: boolean;
  rules?: RulesConfig;
  layout?: Record<string, unknown>;
  fixAs?: 'revisions' | 'direct';
  ignores?: string[];
  overrides?: { files: string[]; rules: RulesConfig }[];
}

/** Where an issue's path goes through a rule's setting: `[...'rules', id]`, the id and the rest of the path. */
function ruleInPath(path: readonly PropertyKey[]): { at: number; id: string } | undefined {
  for (let i = path.length - 2; i >= 0; i--) {
    if (path[i] === 'rules' && typeof path[i + 1] === 'string') return { at: i + 1, id: path[i + 1] as string };
  }
  return undefined;
}

function getAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** Turns zod's first issue into a ConfigError that names the key and says in Chinese what to write. */
function issueToConfigError(
  issue: z.core.$ZodIssue,
  data: unknown,
  source: string,
  keyPrefix: string,
  registry: readonly Rule[],
): ConfigError {
  // Inside a rule's setting zod reports either a union failure or the failing branch's own issue; asking the
  // rule directly gives one precise message for both.
  const inRule = ruleInPath(issue.path);
  const rule = inRule && registry.find((candidate) => candidate.id === inRule.id);
  if (inRule && rule) {
    const settingPath = issue.path.slice(0, inRule.at + 1);
    const problem = ruleSettingProblem(rule, getAt(data, settingPath));
    if (problem) {
      const optionsPath = problem.path.length > 0 ? [1, ...problem.path] : [];
      return new ConfigError(source, formatKey(keyPrefix, [...settingPath, ...optionsPath]), problem.reason);
    }
  }
  if (issue.code === 'unrecognized_keys') {
    const unknownKey = issue.keys[0];
    const key = formatKey(keyPrefix, [...issue.path, unknownKey]);
    if (issue.path[issue.path.length - 1] === 'rules') {
      return new ConfigError(source, key, `指向不存在的规则“${unknownKey}”（用 --list-rules 查看全部规则）`);
    }
    return new ConfigError(source, key, '不是已知的配置项，可用的有 root、rules、layout、fixAs、ignores、overrides（overrides 中为 files、rules）');
  }
  return new ConfigError(source, formatKey(keyPrefix, issue.path), `有误：${issue.message}`);
}

/** Built once per registry: a run may validate hundreds of config files. */
const schemaByRegistry = new WeakMap<readonly Rule[], z.ZodType>();

/**
 * Validates a parsed config file. `keyPrefix` is where the config sits in the file (`gongwen` in a
 * package.json), so that the key in an error message is the one the user must look for.
 */
export function validateConfig(
  data: unknown,
  source: string,
  registry: readonly Rule[],
  keyPrefix = '',
): ConfigFileContent {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return invalidRoot(source, keyPrefix);
  }
  let schema = schemaByRegistry.get(registry);
  if (!schema) {
    schema = buildConfigSchema(registry);
    schemaByRegistry.set(registry, schema);
  }
  const parsed = schema.safeParse(data, ZOD_PARSE_CONTEXT);
  if (!parsed.success) throw issueToConfigError(parsed.error.issues[0], data, source, keyPrefix, registry);
  return parsed.data as ConfigFileContent;
}

function invalidRoot(source: string, keyPrefix: string): never {
  throw new ConfigError(source, keyPrefix, '应为一个对象，例如 {"rules": {"no-placeholder": "error"}}');
}

/** Validates rule settings given outside a config file (`--rule`, the API); errors name `source`. */
export function validateRulesConfig(rules: unknown, source: string, registry: readonly Rule[]): RulesConfig {
  const content = validateConfig({ rules }, source, registry);
  return content.rules ?? {};
}
