/**
 * Rules of prh (proofreading helper) dictionaries, the YAML word lists that textlint users keep: each rule has the
 * `expected` wording and the `pattern`/`patterns` that find what should be replaced by it. Compiled here, as prh 5
 * compiles them, into plain data (a regular expression's source and flags) that a configuration can carry to the
 * rule, across worker threads and into the cache key. The core reads no files: src/node/config/dictionaries.ts
 * reads the YAML and its `imports`.
 */

/** One compiled prh rule. */
export interface TermEntry {
  readonly expected: string;
  /** The regular expression that finds the wording to replace, with its flags (always `g`, `m`, `u`). */
  readonly pattern: string;
  readonly flags: string;
  /** prh's `regexpMustEmpty: $N`: a match whose group N is not empty is left alone. */
  readonly mustBeEmpty?: number;
  /** The rule's own explanation (prh's `prh:` key), shown after the message. */
  readonly note?: string;
}

/** A dictionary after loading: where it came from, for messages, and its rules. */
export interface TermDictionary {
  readonly source: string;
  readonly entries: readonly TermEntry[];
}

/** A prh rule that cannot be compiled; the message is Chinese and says what to write instead. */
export class PrhRuleError extends Error {
  override readonly name = 'PrhRuleError';
}

const REGEXP_STRING = /^\/(.*)\/([gimy]*)$/s;
const HALF_WIDTH_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const FULL_WIDTH_ALPHANUMERIC = 'ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ０１２３４５６７８９';

/** Escapes the characters that the `u` flag allows (and needs) escaped: `\-` would be a syntax error there. */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** prh's default pattern: `expected` with each Latin letter and digit matching either case and either width. */
function spreadAlphaNumeric(expected: string): string {
  let source = '';
  for (const character of expected) {
    const upper = HALF_WIDTH_ALPHANUMERIC.indexOf(character.toUpperCase());
    const lower = HALF_WIDTH_ALPHANUMERIC.indexOf(character.toLowerCase());
    if (upper === -1 && lower === -1) source += escapeRegExp(character);
    else if (upper === lower) source += `[${character}${FULL_WIDTH_ALPHANUMERIC[upper]}]`;
    else source += `[${character.toUpperCase()}${character.toLowerCase()}${FULL_WIDTH_ALPHANUMERIC[upper]}${FULL_WIDTH_ALPHANUMERIC[lower]}]`;
  }
  return source;
}

interface Pattern {
  source: string;
  ignoreCase: boolean;
}

/** One `pattern` entry: `/…/flags` is a regular expression, anything else literal text. */
function compilePattern(pattern: unknown, wordBoundary: boolean): Pattern {
  if (typeof pattern !== 'string') throw new PrhRuleError(`pattern 应为字符串或字符串列表，实际为 ${JSON.stringify(pattern)}`);
  if (pattern === '') throw new PrhRuleError('pattern 不能是空字符串');
  const regexp = REGEXP_STRING.exec(pattern);
  const source = regexp ? regexp[1] : escapeRegExp(pattern);
  return { source: wordBoundary ? `\\b${source}\\b` : source, ignoreCase: regexp !== null && regexp[2].includes('i') };
}

function asRecord(raw: unknown): Record<string, unknown> {
  if (typeof raw === 'string') return { expected: raw };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new PrhRuleError(`每条规则应为一个对象（至少写 expected），实际为 ${JSON.stringify(raw)}`);
  }
  return raw as Record<string, unknown>;
}

/** The replacement for one match: `expected` with `$1`…`$99` filled from the match's groups, as prh does. */
export function replacementFor(entry: TermEntry, match: RegExpExecArray): string {
  return entry.expected.replace(/\$([0-9]{1,2})/g, (whole, digits: string) => {
    const index = Number(digits);
    return index === 0 || index > match.length - 1 ? whole : (match[index] ?? '');
  });
}

/** Compiles an entry's regular expression; the entry came from compilePrhRule or was checked by the rule's schema. */
export function entryRegExp(entry: TermEntry): RegExp {
  return new RegExp(entry.pattern, entry.flags);
}

export interface TermMatch {
  readonly start: number;
  readonly end: number;
  readonly found: string;
  readonly replacement: string;
}

/** The places in `text` that `entry` asks to rewrite (a match equal to `expected` is left alone, as in prh). */
export function findTerms(text: string, entry: TermEntry, regexp: RegExp): TermMatch[] {
  const found: TermMatch[] = [];
  regexp.lastIndex = 0;
  for (let match = regexp.exec(text); match !== null; match = regexp.exec(text)) {
    if (match[0].length === 0) {
      regexp.lastIndex++;
      continue;
    }
    if (entry.mustBeEmpty !== undefined && match[entry.mustBeEmpty]) continue;
    if (match[0] === entry.expected) continue;
    found.push({ start: match.index, end: match.index + match[0].length, found: match[0], replacement: replacementFor(entry, match) });
  }
  return found;
}

/** The text after applying `entry` everywhere in `text`, for the rule's `specs`. */
function applyEntry(text: string, entry: TermEntry): string {
  let result = '';
  let last = 0;
  for (const match of findTerms(text, entry, entryRegExp(entry))) {
    result += text.slice(last, match.start) + match.replacement;
    last = match.end;
  }
  return result + text.slice(last);
}

/**
 * Compiles one rule of a prh dictionary (an object, or a bare string meaning `{expected: …}`): the pattern from
 * `pattern`/`patterns` (or from `expected` itself), `options.wordBoundary`, `regexpMustEmpty`, and the rule's `prh`
 * note; then runs its `specs` (`from` must become `to`), as prh does when it loads a dictionary. Throws PrhRuleError.
 */
export function compilePrhRule(raw: unknown): TermEntry {
  const rule = asRecord(raw);
  const expected = rule.expected;
  if (typeof expected !== 'string') throw new PrhRuleError('缺少 expected（应写成的词语），或它不是字符串');
  const options = rule.options ?? {};
  if (options === null || typeof options !== 'object') throw new PrhRuleError('options 应为对象，如 {wordBoundary: true}');
  const wordBoundary = (options as Record<string, unknown>).wordBoundary ?? false;
  if (typeof wordBoundary !== 'boolean') throw new PrhRuleError('options.wordBoundary 应为 true 或 false');
  const given = rule.pattern ?? rule.patterns;
  let patterns: Pattern[];
  if (given === undefined || given === null) {
    if (expected === '') throw new PrhRuleError('expected 为空时必须写 pattern');
    patterns = [{ source: wordBoundary ? `\\b${spreadAlphaNumeric(expected)}\\b` : spreadAlphaNumeric(expected), ignoreCase: false }];
  } else {
    const list = Array.isArray(given) ? given : [given];
    if (list.length === 0) throw new PrhRuleError('patterns 不能是空列表');
    patterns = list.map((pattern) => compilePattern(pattern, wordBoundary));
  }
  const ignoreCase = patterns[0].ignoreCase;
  if (patterns.some((pattern) => pattern.ignoreCase !== ignoreCase)) {
    throw new PrhRuleError('patterns 中的正则表达式标志不一致（有的带 i，有的不带），prh 不能把它们合在一起');
  }
  const source = patterns.length === 1 ? patterns[0].source : `(?:${patterns.map((pattern) => pattern.source).join('|')})`;
  const flags = ignoreCase ? 'gimu' : 'gmu';
  let regexp: RegExp;
  try {
    regexp = new RegExp(source, flags);
  } catch (error) {
    throw new PrhRuleError(`pattern 不是有效的正则表达式（按 u 标志编译）：${error instanceof Error ? error.message : String(error)}`);
  }
  if (regexp.test('')) throw new PrhRuleError(`pattern /${source}/ 会匹配空字符串，请改写`);
  let mustBeEmpty: number | undefined;
  if (rule.regexpMustEmpty !== undefined && rule.regexpMustEmpty !== null) {
    const group = /^\$([0-9]+)$/.exec(String(rule.regexpMustEmpty));
    if (!group) throw new PrhRuleError(`regexpMustEmpty 应写作 $1 这样的分组编号，实际为 ${JSON.stringify(rule.regexpMustEmpty)}`);
    mustBeEmpty = Number(group[1]);
  }
  const note = typeof rule.prh === 'string' && rule.prh.trim() !== '' ? rule.prh.trim() : undefined;
  const entry: TermEntry = {
    expected,
    pattern: source,
    flags,
    ...(mustBeEmpty === undefined ? {} : { mustBeEmpty }),
    ...(note === undefined ? {} : { note }),
  };
  checkSpecs(entry, rule.specs);
  return entry;
}

function checkSpecs(entry: TermEntry, specs: unknown): void {
  if (specs === undefined || specs === null) return;
  if (!Array.isArray(specs)) throw new PrhRuleError('specs 应为列表，每项写 from 和 to');
  specs.forEach((spec: unknown, index) => {
    const { from, to } = (spec ?? {}) as Record<string, unknown>;
    if (typeof from !== 'string' || typeof to !== 'string') throw new PrhRuleError(`specs 第 ${index + 1} 项应写 from 和 to 两个字符串`);
    const result = applyEntry(from, entry);
    if (result !== to) {
      throw new PrhRuleError(`specs 第 ${index + 1} 项没有通过：“${from}”应改为“${to}”，按这条规则却得到“${result}”（pattern /${entry.pattern}/）`);
    }
  });
}

/** How prh writes a compiled rule's pattern (`/…/gmu`), which `ignoreRules` in an import names. */
export function prhPatternText(entry: TermEntry): string {
  return entryRegExp(entry).toString();
}
