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

/** A problem in the user's configuration; `source` names the file (or the command-line flag) it came from. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly key: string,
    reason: string,
  ) {
    super(`${source}：配置项 ${key} ${reason}`);
    this.name = 'ConfigError';
  }
}

const SEVERITIES: readonly string[] = ['off', 'warn', 'error'];

/** One layer of rule settings and where it came from, for error messages. */
export interface RulesLayer {
  source: string;
  rules: RulesConfig;
}

/**
 * Starts from every rule at its default severity and options, then applies the layers in order (later
 * layers win). Validates ids, severities and options; the rule's schema fills in defaults.
 */
export function resolveRules(registry: readonly Rule[], layers: readonly RulesLayer[]): ResolvedRules {
  const byId = new Map(registry.map((rule) => [rule.id, rule]));
  const settings = new Map<string, { severity: Severity; rawOptions: unknown; source: string }>();
  for (const rule of registry) settings.set(rule.id, { severity: rule.severity, rawOptions: {}, source: '' });
  for (const layer of layers) {
    for (const [id, value] of Object.entries(layer.rules)) {
      const key = `rules.${id}`;
      if (!byId.has(id)) throw new ConfigError(layer.source, key, `指向不存在的规则“${id}”（用 --list-rules 查看全部规则）`);
      const [severity, rawOptions] = Array.isArray(value) ? value : [value];
      if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
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
  const resolved = new Map<string, ResolvedRule>();
  for (const rule of registry) {
    const setting = settings.get(rule.id)!;
    if (setting.severity === 'off') continue;
    const parsed = rule.options.safeParse(setting.rawOptions);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
      throw new ConfigError(setting.source || '默认配置', `rules.${rule.id}${where}`, `的选项无效：${issue.message}`);
    }
    resolved.set(rule.id, { severity: setting.severity, options: parsed.data });
  }
  return resolved;
}
