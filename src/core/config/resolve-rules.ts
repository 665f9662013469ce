import { zhCN } from 'zod/locales';
import type { Rule, Severity } from '../rule.js';

/** A rule's setting as written in a config file: a severity, or a severity with options. */
export type RuleSetting = Severity | [Severity] | [Severity, Record<string, unknown>];
export type RulesConfig = Readonly<Record<string, RuleSetting>>;

export interface ResolvedRule {
  severity: Exclude<Severity, 'off'>;
  /** Validated, with the rule's defaults filled in. */
  options: unknown;
}

/** The enabled rules for one file, by id, in registry order. */
export type ResolvedRules = ReadonlyMap<string, ResolvedRule>;

/** Every rule's effective setting, switched-off rules included (for `--print-config`). */
export type ResolvedRuleSettings = ReadonlyMap<string, { severity: Severity; options: unknown }>;

/**
 * A problem in the user's configuration; `source` names the file (or the command-line flag) it came from,
 * `key` the setting (`rules.no-placeholder`, `overrides[0].files`); an empty key means the whole file.
 */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly key: string,
    reason: string,
  ) {
    super(key ? `${source}：配置项 ${key} ${reason}` : `${source}：${reason}`);
    this.name = 'ConfigError';
  }
}

export const SEVERITIES = ['off', 'warn', 'error'] as const satisfies readonly Severity[];

/**
 * How every configuration is parsed: with zod's own Chinese messages, passed per parse so that no global zod
 * setting is changed for other users, and without zod's compiled fast path (`jitless`), which compiles a
 * parser per object schema on first use: each schema here parses once or twice a run, so compiling cost a
 * run over one draft more than it could save.
 */
export const ZOD_PARSE_CONTEXT = { error: zhCN().localeError, jitless: true } as const;

/** Turns a zod issue path into the dotted key of a config file: `rules.x.max`, `overrides[0].files`. */
export function formatKey(prefix: string, path: readonly PropertyKey[]): string {
  let key = prefix;
  for (const part of path) {
    if (typeof part === 'number') key += `[${part}]`;
    else key += key === '' ? String(part) : `.${String(part)}`;
  }
  return key;
}

/** Says what is wrong with one rule's setting, with the key below `rules.<id>` it concerns, or nothing if valid. */
export function ruleSettingProblem(rule: Rule, value: unknown): { path: PropertyKey[]; reason: string } | undefined {
  if (typeof value !== 'string' && !Array.isArray(value)) {
    return { path: [], reason: `应为严重程度（"off"、"warn"、"error"）或 [严重程度, 选项]，实际为 ${JSON.stringify(value)}` };
  }
  const [severity, options, ...extra] = Array.isArray(value) ? (value as unknown[]) : [value];
  if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) {
    return { path: [], reason: `的严重程度“${String(severity)}”无效，应为 "off"、"warn" 或 "error"` };
  }
  if (extra.length > 0) return { path: [], reason: '最多两项：[严重程度, 选项]' };
  if (options === undefined) return undefined;
  const parsed = rule.options.safeParse(options, ZOD_PARSE_CONTEXT);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    return { path: [...issue.path, issue.keys[0]], reason: `不是规则“${rule.id}”的选项，请删除或检查拼写` };
  }
  return { path: issue.path, reason: `的选项无效：${issue.message}` };
}

/** One layer of rule settings and where it came from, for error messages. */
export interface RulesLayer {
  source: string;
  rules: RulesConfig;
  /** The layer's `layout` settings: the options of every rule marked `optionsFromLayout`. */
  layout?: Record<string, unknown>;
}

/**
 * Starts from every rule at its default severity and options, then applies the layers in order (later
 * layers win; a bare severity keeps the options set earlier). Validates ids, severities and options; the
 * rule's schema fills in defaults. Switched-off rules are kept, with their options.
 */
export function resolveRuleSettings(registry: readonly Rule[], layers: readonly RulesLayer[]): ResolvedRuleSettings {
  const byId = new Map(registry.map((rule) => [rule.id, rule]));
  const settings = new Map<string, { severity: Severity; rawOptions: unknown; source: string }>();
  for (const rule of registry) settings.set(rule.id, { severity: rule.severity, rawOptions: {}, source: '' });
  for (const layer of layers) {
    if (layer.layout !== undefined) {
      for (const rule of registry) {
        if (rule.optionsFromLayout) settings.set(rule.id, { ...settings.get(rule.id)!, rawOptions: layer.layout, source: layer.source });
      }
    }
    for (const [id, value] of Object.entries(layer.rules)) {
      const key = `rules.${id}`;
      const rule = byId.get(id);
      if (!rule) throw new ConfigError(layer.source, key, `指向不存在的规则“${id}”（用 --list-rules 查看全部规则）`);
      const [severity, rawOptions] = Array.isArray(value) ? value : [value];
      if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) {
        throw new ConfigError(layer.source, key, `的严重程度“${String(severity)}”无效，应为 "off"、"warn" 或 "error"`);
      }
      const previous = settings.get(id)!;
      settings.set(id, {
        severity: severity as Severity,
        rawOptions: rawOptions === undefined ? previous.rawOptions : rawOptions,
        source: rawOptions === undefined ? previous.source : layer.source,
      });
    }
  }
  const resolved = new Map<string, { severity: Severity; options: unknown }>();
  for (const rule of registry) {
    const setting = settings.get(rule.id)!;
    const parsed = rule.options.safeParse(setting.rawOptions, ZOD_PARSE_CONTEXT);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(setting.source || '默认配置', formatKey(`rules.${rule.id}`, issue.path), `的选项无效：${issue.message}`);
    }
    resolved.set(rule.id, { severity: setting.severity, options: parsed.data });
  }
  return resolved;
}

/** The enabled rules after applying the layers over the defaults; see resolveRuleSettings. */
export function resolveRules(registry: readonly Rule[], layers: readonly RulesLayer[]): ResolvedRules {
  const enabled = new Map<string, ResolvedRule>();
  for (const [id, setting] of resolveRuleSettings(registry, layers)) {
    if (setting.severity !== 'off') enabled.set(id, { severity: setting.severity, options: setting.options });
  }
  return enabled;
}
