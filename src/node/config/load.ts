import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import type Picomatch from 'picomatch';
import { rules as defaultRegistry } from '../../../rules/index.js';
import type { Rule, Severity } from '../../core/rule.js';
import {
  ConfigError,
  resolveRuleSettings,
  type ResolvedRule,
  type ResolvedRuleSettings,
  type ResolvedRules,
  type RulesConfig,
  type RulesLayer,
} from '../../core/config/resolve-rules.js';
import { validateConfig, validateRulesConfig } from '../../core/config/schema.js';
import { loadDictionaries } from './dictionaries.js';

/** Looked for in each directory, in this order; the first one present is that directory's config. */
export const CONFIG_FILE_NAMES = ['.gongwenrc.json', '.gongwenrc.yaml', '.gongwenrc.yml', 'package.json'] as const;

/** The key that holds the config in a package.json. */
export const PACKAGE_JSON_KEY = 'gongwen';

type PathMatcher = (relativePath: string) => boolean;

/** One config file, validated, with its globs compiled. */
export interface LoadedConfig {
  filePath: string;
  /** Globs in `ignores` and `overrides[].files` are relative to this directory. */
  directory: string;
  root: boolean;
  rules: RulesConfig;
  /** The `layout` settings: options of the layout rules. */
  layout: Record<string, unknown> | undefined;
  /** How `--fix` writes into Word drafts, when this file says. */
  fixAs?: 'revisions' | 'direct';
  isIgnored: PathMatcher | undefined;
  overrides: { files: PathMatcher; rules: RulesConfig }[];
}

let picomatchModule: typeof Picomatch | undefined;

/** picomatch, required with the first configuration that has globs (`ignores`, `overrides`): most runs have none. */
function loadPicomatch(): typeof Picomatch {
  picomatchModule ??= createRequire(import.meta.url)('picomatch') as typeof Picomatch;
  return picomatchModule;
}

/**
 * Patterns without a slash match a name at any depth (`*.txt`, `drafts`), as in .gitignore; a trailing slash
 * is dropped because ignores are also tested against the directories above a file.
 */
function compileGlobs(globs: readonly string[]): PathMatcher {
  const picomatch = loadPicomatch();
  const trimmed = globs.map((glob) => (glob.length > 1 ? glob.replace(/\/+$/, '') : glob));
  // picomatch's own `basename` option also applies to patterns with a slash and breaks them, so split.
  const byName = trimmed.filter((glob) => !glob.includes('/'));
  const byPath = trimmed.filter((glob) => glob.includes('/'));
  const matchName = byName.length > 0 ? picomatch(byName, { dot: true }) : undefined;
  const matchPath = byPath.length > 0 ? picomatch(byPath, { dot: true }) : undefined;
  return (relativePath) =>
    (matchPath?.(relativePath) ?? false) || (matchName?.(relativePath.slice(relativePath.lastIndexOf('/') + 1)) ?? false);
}

/** `line:column` of a character offset, 1-based, for syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `第 ${line} 行第 ${offset - lineStart + 1} 列`;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(detail);
    const where = position ? `（${lineAndColumn(text, Number(position[1]))}）` : '';
    throw new ConfigError(source, '', `不是有效的 JSON${where}：${detail}。请检查引号、逗号和括号`);
  }
}

/** yaml, required on first use: only YAML config files need it. CommonJS, so it loads synchronously. */
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}

function parseYaml(text: string, source: string): unknown {
  const YAML = yaml();
  try {
    // An empty file is an empty config, not an error.
    return YAML.parse(text) ?? {};
  } catch (error) {
    if (error instanceof YAML.YAMLError) {
      const position = error.linePos?.[0];
      const where = position ? `（第 ${position.line} 行第 ${position.col} 列）` : '';
      throw new ConfigError(source, '', `不是有效的 YAML${where}：${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}

function readText(filePath: string): string {
  try {
    return readFileSync(filePath, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录，不是配置文件' : code === 'EACCES' ? '没有读取权限' : String(error);
    throw new ConfigError(filePath, '', `无法读取配置文件：${reason}`);
  }
}

/** Dictionary paths in a config are relative to the config file, and read with it (see dictionaries.ts). */
function compile(filePath: string, content: ReturnType<typeof validateConfig>): LoadedConfig {
  const directory = dirname(filePath);
  return {
    filePath,
    directory,
    root: content.root ?? false,
    rules: loadDictionaries(content.rules ?? {}, directory, filePath),
    layout: content.layout,
    ...(content.fixAs ? { fixAs: content.fixAs } : {}),
    isIgnored: content.ignores && content.ignores.length > 0 ? compileGlobs(content.ignores) : undefined,
    overrides: (content.overrides ?? []).map((override, index) => ({
      files: compileGlobs(override.files),
      rules: loadDictionaries(override.rules, directory, `${filePath} overrides[${index}]`),
    })),
  };
}

/** The config under the "gongwen" key of a package.json, or undefined if there is no such key. */
function packageJsonConfig(filePath: string, text: string, registry: readonly Rule[]): LoadedConfig | undefined {
  const packageJson = parseJson(text, filePath);
  const content = (packageJson as Record<string, unknown> | null)?.[PACKAGE_JSON_KEY];
  return content === undefined ? undefined : compile(filePath, validateConfig(content, filePath, registry, PACKAGE_JSON_KEY));
}

/**
 * Reads and validates one config file, choosing the syntax by name: YAML for `.yaml`/`.yml`, the "gongwen"
 * key for a package.json, JSON otherwise. Throws ConfigError naming the file and the key.
 */
export function loadConfigFile(filePath: string, registry: readonly Rule[] = defaultRegistry): LoadedConfig {
  const text = readText(filePath);
  if (basename(filePath) === 'package.json') {
    const config = packageJsonConfig(filePath, text, registry);
    if (!config) throw new ConfigError(filePath, PACKAGE_JSON_KEY, `不存在：package.json 中没有 "${PACKAGE_JSON_KEY}" 键`);
    return config;
  }
  const extension = extname(filePath).toLowerCase();
  const data = extension === '.yaml' || extension === '.yml' ? parseYaml(text, filePath) : parseJson(text, filePath);
  return compile(filePath, validateConfig(data, filePath, registry));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The config that a directory itself holds, if any. A package.json counts only when it has the key. */
function findConfigInDirectory(directory: string, registry: readonly Rule[]): LoadedConfig | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const filePath = resolve(directory, name);
    if (!isFile(filePath)) continue;
    if (name !== 'package.json') return loadConfigFile(filePath, registry);
    const text = readText(filePath);
    // A package.json that is not ours must not stop linting, even when it is broken; one that mentions
    // our key is the user's config, and its errors are reported.
    if (!text.includes(`"${PACKAGE_JSON_KEY}"`)) continue;
    const config = packageJsonConfig(filePath, text, registry);
    if (config) return config;
  }
  return undefined;
}

/** The configs that apply in a directory, farthest first, or the error that stops them from loading. */
type ChainEntry = { chain: readonly LoadedConfig[]; error?: undefined } | { error: ConfigError; chain?: undefined };

export interface ConfigOptions {
  /** Resolves `configFile` and relative file paths. */
  cwd: string;
  /**
   * Use this file and nothing else: no lookup of `.gongwenrc.*` or package.json (like ESLint's
   * `--no-config-lookup -c`). Its globs are relative to its own directory; `root` has no effect.
   */
  configFile?: string;
  /** Settings from `--rule`, applied last. */
  cliRules?: RulesConfig;
  registry?: readonly Rule[];
}

/**
 * Finds and merges the configs for files. Each directory is looked at once per run: its chain of configs is
 * cached, so thousands of files in a few directories cost a few lookups. Not shared between runs, so that
 * an edited config is read again.
 */
export class ConfigResolver {
  private readonly registry: readonly Rule[];
  private readonly explicit: LoadedConfig | undefined;
  private readonly cliLayer: RulesLayer | undefined;
  private readonly chains = new Map<string, ChainEntry>();
  private readonly settingsCache = new Map<string, ResolvedRuleSettings>();
  private readonly rulesCache = new Map<ResolvedRuleSettings, ResolvedRules>();

  /** Throws ConfigError if `configFile` or `cliRules` is invalid: those affect every file. */
  constructor(options: ConfigOptions) {
    this.registry = options.registry ?? defaultRegistry;
    this.explicit = options.configFile === undefined ? undefined : loadConfigFile(resolve(options.cwd, options.configFile), this.registry);
    this.cliLayer = options.cliRules
      ? { source: '--rule', rules: loadDictionaries(validateRulesConfig(options.cliRules, '--rule', this.registry), options.cwd, '--rule') }
      : undefined;
  }

  /** The configs that apply to files in `directory`, farthest first. Throws ConfigError. */
  chainFor(directory: string): readonly LoadedConfig[] {
    if (this.explicit) return [this.explicit];
    const entry = this.chainEntry(directory);
    if (entry.error) throw entry.error;
    return entry.chain;
  }

  private chainEntry(directory: string): ChainEntry {
    const cached = this.chains.get(directory);
    if (cached) return cached;
    // Walk up to the nearest directory already known (or the filesystem root), then fill in downwards.
    const unknown: string[] = [];
    let current = directory;
    let base: ChainEntry = { chain: [] };
    for (;;) {
      const known = this.chains.get(current);
      if (known) {
        base = known;
        break;
      }
      unknown.push(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (let i = unknown.length - 1; i >= 0; i--) {
      let entry: ChainEntry;
      try {
        const own = findConfigInDirectory(unknown[i], this.registry);
        if (own?.root) entry = { chain: [own] };
        else if (base.error) entry = base;
        else entry = own ? { chain: [...base.chain, own] } : base;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        entry = { error };
      }
      this.chains.set(unknown[i], entry);
      base = entry;
    }
    return base;
  }

  /** Every rule's setting for a file, switched-off rules included. Throws ConfigError. */
  settingsFor(filePath: string): ResolvedRuleSettings {
    const chain = this.chainFor(dirname(filePath));
    const layers: RulesLayer[] = [];
    // Keyed by the configs that apply, not by the directory: folders under the same configs share one settings
    // object, and with it every rule's caches kept per settings (2,000 drafts in 20 folders made 20 of each).
    let key = '';
    for (const config of chain) {
      key += `\0${config.filePath}`;
      layers.push(config.layout === undefined ? { source: config.filePath, rules: config.rules } : { source: config.filePath, rules: config.rules, layout: config.layout });
      if (config.overrides.length === 0) continue;
      const relativePath = toPosix(relative(config.directory, filePath));
      config.overrides.forEach((override, index) => {
        if (!override.files(relativePath)) return;
        layers.push({ source: `${config.filePath} overrides[${index}]`, rules: override.rules });
        key += `\u0001${index}`;
      });
    }
    if (this.cliLayer) layers.push(this.cliLayer);
    let settings = this.settingsCache.get(key);
    if (!settings) {
      settings = resolveRuleSettings(this.registry, layers);
      this.settingsCache.set(key, settings);
    }
    return settings;
  }

  /** The enabled rules for a file, as lintDocument takes them. Throws ConfigError. */
  rulesFor(filePath: string): ResolvedRules {
    const settings = this.settingsFor(filePath);
    let enabled = this.rulesCache.get(settings);
    if (!enabled) {
      const map = new Map<string, ResolvedRule>();
      for (const [id, setting] of settings) {
        if (setting.severity !== 'off') map.set(id, { severity: setting.severity, options: setting.options });
      }
      enabled = map;
      this.rulesCache.set(settings, enabled);
    }
    return enabled;
  }

  /** `fixAs` of the nearest config file that sets it; undefined when none does (or a config fails to load). */
  fixAsFor(filePath: string): 'revisions' | 'direct' | undefined {
    let chain: readonly LoadedConfig[];
    try {
      chain = this.chainFor(dirname(filePath));
    } catch {
      return undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) if (chain[i].fixAs) return chain[i].fixAs;
    return undefined;
  }

  /**
   * The config file whose `ignores` exclude this path (or a directory above it, up to the config's own
   * directory), if any. A config that fails to load ignores nothing: its error is reported on the file.
   */
  ignoredBy(path: string): string | undefined {
    let chain: readonly LoadedConfig[];
    try {
      chain = this.chainFor(dirname(path));
    } catch {
      return undefined;
    }
    for (const config of chain) {
      if (!config.isIgnored) continue;
      const relativePath = toPosix(relative(config.directory, path));
      if (relativePath === '' || relativePath.startsWith('../') || relativePath === '..') continue;
      for (let end = relativePath.length; end > 0; end = relativePath.lastIndexOf('/', end - 1)) {
        if (config.isIgnored(relativePath.slice(0, end))) return config.filePath;
      }
    }
    return undefined;
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** What `--print-config` shows: every rule with its effective severity and options, defaults filled in. */
export interface EffectiveConfig {
  rules: Record<string, [Severity, unknown]>;
}

/** The effective config for one file (it need not exist). Throws ConfigError. */
export function calculateConfigForFile(filePath: string, options: ConfigOptions): EffectiveConfig {
  const resolver = new ConfigResolver(options);
  const settings = resolver.settingsFor(resolve(options.cwd, filePath));
  const effective: EffectiveConfig = { rules: {} };
  for (const [id, setting] of settings) effective.rules[id] = [setting.severity, setting.options];
  return effective;
}
