/**
 * Finds template blanks (占位符) in one block's text: runs of `X`/`×`/`✕`, `某某`, `○○`, `□□`, filler words
 * (`什么什么什么`), clauses holding only `……`, underscores, empty brackets, bracketed prompts and marker words.
 * Each scan is one left-to-right pass or an indexOf loop and every look-around is bounded, so a megabyte-long
 * run of `X` or `某` costs linear time.
 */
import { codeAt } from './punctuation.js';
import { MARKER_INITIALS } from './trigger-scan.js';
import { isAsciiLetter, isDecimalDigit } from '../parse/characters.js';

/** What belongs in a blank; the rule chooses its message by this. */
export type BlankKind =
  | 'year'
  | 'date'
  | 'number'
  | 'amount'
  | 'percent'
  | 'place'
  | 'person'
  | 'phone'
  | 'generic'
  | 'ellipsis'
  | 'prompt'
  | 'emptyBracket'
  | 'underline'
  | 'marker'
  | 'pattern';

export interface Blank {
  /** Offsets into the block text of the blank itself (`XX` in `20XX年`, `X月X` in `X月X日`); `end` is exclusive. */
  readonly start: number;
  readonly end: number;
  readonly kind: BlankKind;
  /** The blank with the digits before it and the word that decides its kind (`20XX年`, `X万元`, `XXX人民法院`). */
  readonly quote: string;
}

export interface BlankScanOptions {
  /** Matches that are never blanks (global regexes); a blank overlapping one is dropped. */
  readonly allow: readonly RegExp[];
  /** Extra blank patterns (global regexes). */
  readonly patterns: readonly RegExp[];
  /** Marker words such as `待补充` and `TODO`. */
  readonly markers: readonly string[];
}

/** The options with what every block's scan derives from them, prepared once per configuration. */
export interface BlankScan {
  readonly markers: readonly string[];
  readonly patterns: readonly RegExp[];
  /** The built-in words and the configured ones, so that no block builds the list again. */
  readonly allow: readonly RegExp[];
  /** Matches where any marker word occurs; undefined when there are no markers. */
  readonly markerHint: RegExp | undefined;
  /**
   * Whether every marker word opens with one of MARKER_INITIALS (the default ones do): a block the shared scan finds
   * none of them in then holds no marker word.
   */
  readonly markersOpenWithInitials: boolean;
}

/** What a block's scan may need from the document around it. */
export interface BlankContext {
  /** Whether the document names the parties to a case (原告, 被告…); asked only for `某某` and company names. */
  readonly namesParties: () => boolean;
  /** The next block's text, which may explain a code format's letters (`其中，第一位X代表…`). */
  readonly nextText?: string;
  /** Whether the block is a table cell, where `……` stands for rows left out, not for text to write. */
  readonly inTable?: boolean;
}

const NO_CONTEXT: BlankContext = { namesParties: () => false };

/** Words in which a Latin X is not a blank (`X光`, `x轴`, `X染色体`, `X-射线`), checked one X before the word. */
export const BUILTIN_ALLOW: readonly RegExp[] = [/[XxＸｘ][-－]?(?:光|射线|线|刀|染色体|轴|坐标|型|形|因素|理论|世代)/g];

export const DEFAULT_MARKERS: readonly string[] = ['待补充', '待填写', '待核实', '请填写', '此处插入', '此处填写', 'TODO', 'TBD', 'FIXME'];

const MAX_QUOTE = 24;

/** Long runs are quoted by their start: the message stays short while the span stays exact. */
function quoteOf(text: string, from: number, to: number): string {
  return to - from > MAX_QUOTE ? `${text.slice(from, from + MAX_QUOTE)}…` : text.slice(from, to);
}

/** Jumps to the next candidate; the run itself is then read code by code. */
const X_CHAR = /[XxＸｘ×✕✖✗╳]/g;

/** `×` and the crosses templates use like it: ✕ U+2715, ✖ U+2716, ✗ U+2717, ╳ U+2573. */
function isCross(code: number): boolean {
  return code === 0xd7 || code === 0x2715 || code === 0x2716 || code === 0x2717 || code === 0x2573;
}

function isXChar(code: number): boolean {
  // X x Ｘ ｘ
  return code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58 || isCross(code);
}

function isDigit(code: number): boolean {
  return isDecimalDigit(code) || (code >= 0xff10 && code <= 0xff19);
}

/** ASCII, accented (`ī` in pinyin) and full-width Latin letters. */
function isLatinLetter(code: number): boolean {
  return (
    isAsciiLetter(code) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** A word after a blank that says what belongs in it. */
interface Unit {
  readonly kind: BlankKind;
  /** Tried right after the unit: a match makes the unit part of another word (`人民`, `项目`, `局面`, `日常`). */
  readonly partOf: RegExp | undefined;
}

function unit(kind: BlankKind, partOf?: string): Unit {
  // Both keys always, so that every unit has one shape: a unit of another shape read after its reader was compiled
  // (`X万亩`) threw that code away.
  return { kind, partOf: partOf === undefined ? undefined : new RegExp(partOf, 'y') };
}

/**
 * Units that make a blank's kind certain. A unit that also begins other words is checked against them, and
 * words that fit two kinds are left out (`X处` is a count or an office, `XX市长` a city or a name, `XX所` a count
 * or an institute): there the message asks for 具体内容 rather than guess. Longest words win (`万元` over `万`).
 */
const UNITS: Readonly<Record<string, Unit>> = {
  年: unit('year', '[龄轻]'),
  年级: unit('number'),
  月: unit('date', '[饼球亮光]'),
  日: unit('date', '[常益趋本新]|报(?![送告])'),
  万元: unit('amount'),
  亿元: unit('amount'),
  千元: unit('amount'),
  元: unit('amount', '[素旦宵首件器帅老]'),
  万美元: unit('amount'),
  亿美元: unit('amount'),
  美元: unit('amount'),
  '%': unit('percent'),
  '％': unit('percent'),
  个百分点: unit('percent'),
  同志: unit('person'),
  先生: unit('person'),
  女士: unit('person'),
  书记: unit('person'),
  副书记: unit('person'),
  主任: unit('person'),
  主席: unit('person'),
  董事长: unit('person'),
  总经理: unit('person'),
  主持: unit('person'),
  省: unit('place', '[长]'),
  市: unit('place', '[长场]'),
  市场监督管理局: unit('place'),
  市场监管局: unit('place'),
  县: unit('place', '[长]'),
  区: unit('place', '[长域别分间块]'),
  州: unit('place', '[长]'),
  盟: unit('place', '[友]'),
  旗: unit('place', '[帜舰下]'),
  镇: unit('place', '[长静定压]'),
  乡: unit('place', '[长村亲愁音]'),
  村: unit('place', '[长庄落级]'),
  街道: unit('place'),
  社区: unit('place'),
  局: unit('place', '[长面势部限]'),
  厅: unit('place', '[长]'),
  委: unit('place', '[员托屈婉]'),
  委员会: unit('place'),
  办: unit('place', '[理法学公事好]'),
  办公室: unit('place'),
  办事处: unit('place'),
  部门: unit('place'),
  署: unit('place', '[名]'),
  院: unit('place', '[长士落子]'),
  籍: unit('place', '[贯]'),
  公司: unit('place'),
  集团: unit('place'),
  中心: unit('place', '[城]'),
  协会: unit('place'),
  大学: unit('place', '[生]'),
  学院: unit('place'),
  医院: unit('place'),
  中学: unit('place', '[生]'),
  小学: unit('place', '[生]'),
  银行: unit('place'),
  单位: unit('place'),
  政府: unit('place'),
  人民政府: unit('place'),
  人民法院: unit('place'),
  法院: unit('place'),
  人民检察院: unit('place'),
  检察院: unit('place'),
  人大: unit('place'),
  名: unit('number', '[单称义录字额牌师优胜企片誉城]'),
  个: unit('number', '[人体性别案税]'),
  项: unit('number', '[目]'),
  家: unit('number', '[庭族属长具电政乡园风务]'),
  人: unit('number', '[民员才大口事身力们物士工群家文生心类社格权性气选]'),
  人次: unit('number'),
  次: unit('number', '[要数日年序]'),
  件: unit('number'),
  批: unit('number', '[准复示发评]'),
  条: unit('number', '[件例款线]'),
  台: unit('number', '[账阶风湾]'),
  套: unit('number', '[餐]'),
  户: unit('number', '[籍口外型]'),
  亩: unit('number'),
  公顷: unit('number'),
  公里: unit('number'),
  千米: unit('number'),
  平方米: unit('number'),
  平方公里: unit('number'),
  立方米: unit('number'),
  米: unit('number', '[粉]'),
  吨: unit('number'),
  辆: unit('number'),
  倍: unit('number'),
  天: unit('number', '[然气津下空]'),
  周: unit('number', '[边期末围转到]'),
  周年: unit('number'),
  小时: unit('number'),
  分钟: unit('number'),
  种: unit('number', '[植子类养]'),
  类: unit('number', '[似型别]'),
  份: unit('number', '[额]'),
  篇: unit('number', '[章幅]'),
  期: unit('number', '[间限待末刊货望]'),
  届: unit('number', '[满]'),
  轮: unit('number', '[换流]'),
  场: unit('number', '[所景地馆]'),
  起: unit('number', '[草步点诉来始源]'),
  例: unit('number', '[如外]'),
  座: unit('number', '[谈位]'),
  号: unit('number', '[召码]'),
  时: unit('number', '[间期代候段效机限刻]'),
  万: unit('number'),
  亿: unit('number'),
  千: unit('number', '[方]'),
  岁: unit('number', '[月]'),
  '℃': unit('number'),
};

const UNIT_WORD = new RegExp(
  Object.keys(UNITS)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'y',
);

/** The first characters of the unit words: most runs are followed by none, and a code compare answers for them. */
const UNIT_INITIALS: ReadonlySet<number> = new Set(Object.keys(UNITS).map((word) => word.charCodeAt(0)));

/** The unit word at `index`, unless it begins another word there. */
function unitAt(text: string, index: number): string | undefined {
  if (!UNIT_INITIALS.has(codeAt(text, index))) return undefined;
  UNIT_WORD.lastIndex = index;
  const word = UNIT_WORD.exec(text)?.[0];
  if (word === undefined) return undefined;
  const partOf = UNITS[word].partOf;
  return partOf !== undefined && matchesAt(partOf, text, index + word.length) ? undefined : word;
}

/** Latin units written after a blank and a space: `XX Gbps`, `X km`, `约X TB`, `XX kV`. Case matters (`MB`, `mB`). */
const LATIN_UNITS = new Set(
  [
    'bps kbps Kbps Mbps Gbps Tbps B KB kB MB GB TB PB EB KiB MiB GiB TiB Hz kHz MHz GHz',
    'W kW MW GW kWh MWh GWh VA kVA MVA V kV mV A mA kA Ah mAh',
    'm km cm mm nm μm m2 m² km2 km² m3 m³ ha L mL ml g kg mg t Pa kPa MPa dB lm lx ppm mol rpm TEU',
  ]
    .join(' ')
    .split(' '),
);
const MAX_LATIN_UNIT = 4;

/** End of a Latin unit after up to three spaces from `end`, or -1. */
function latinUnitEnd(text: string, end: number): number {
  let from = end;
  while (from < end + 3 && isSpace(codeAt(text, from))) from++;
  if (from === end) return -1;
  let to = from;
  while (to < from + MAX_LATIN_UNIT + 1 && (isAsciiLetter(codeAt(text, to)) || isDecimalDigit(codeAt(text, to)) || '²³μ'.includes(text[to] ?? '\n'))) to++;
  if (to === from || isLatinLetter(codeAt(text, to)) || isDecimalDigit(codeAt(text, to))) return -1;
  return LATIN_UNITS.has(text.slice(from, to)) ? to : -1;
}

/**
 * Words that end the name of a body: a blank before `人民法院`, `科技有限公司`, `农业大学` is that body's name.
 * Found within a few characters of the blank; the characters between must not include a function word, so
 * that `XXX在县政府…` stays a blank of unknown kind.
 */
const BODY_NAME = /人民政府|人民法院|人民检察院|有限公司|有限责任公司|集团|大学(?!生)|学院|医院|研究院|研究所|委员会|办公室|办事处|协会|银行|合作社/;
const BODY_REACH = 12;
const NOT_IN_NAME = /[在的和与及对向是为了将把被从于给由到等就当应要已并或而也都还内]/;
/** In a case report that names its parties, these name an anonymised party (`某某公司`, `X公司`), not a blank. */
const COMPANY = /公司|集团|厂|商行|合作社|银行|店|超市|企业/;

/** The end of a body's name that begins right after `end`, and the word that ends it; or undefined. */
function bodyNameAhead(text: string, end: number): { end: number; word: string } | undefined {
  let to = end;
  while (to < end + BODY_REACH && isHan(codeAt(text, to))) to++;
  if (to === end) return undefined;
  const ahead = text.slice(end, to);
  const match = BODY_NAME.exec(ahead);
  if (match === null || NOT_IN_NAME.test(ahead.slice(0, match.index))) return undefined;
  return { end: end + match.index + match[0].length, word: match[0] };
}

/** Before a blank with no unit or with `年`, these make it a count: `第X年`, `近X年`, `连续X年`, `增长约X`. */
const COUNT_CUE = /(?:第|近|连续|累计|前|共|约|达|超过|不少于|不超过|仅)$/;
/** Right before a number, a telephone's label: `联系电话：XXXXXXXX`, `手机号码：`, `电话0371-XXXX`. */
const PHONE_CUE = /(?:电话|手机|传真|热线|联系号码)(?:号码|号)?[：:]?\s*$/;
/** Before digits and a run, a number that is not a telephone's: `身份证号码：1101XXXX`. */
const OTHER_NUMBER_CUE = /身份证|证件|代码|编号|账号|卡号|文号/;
/** Right before a run, a label for a name: `联系人：XXX`, `出席：某某`. */
const PERSON_CUE = /(?:联系人|姓名|主持人|发言人|负责人|经办人|出席|列席)[：:]?\s*$/;
/** `用X代表…`, `设x为…`: the text explains a letter, it does not leave a blank. */
const EXPLAINS_AFTER_USE = /代表(?!团|大会|队)|表示|指代|代替/y;
const EXPLAINS_AFTER_LET = /为|是|表示|代表/y;
/**
 * A code format whose letters the text explains: `X妆XXXXXXXX。其中，第一位X代表…`, `第二至五位X为年份`. Where a
 * block or the one after it says this, its letter runs are the format, not blanks.
 */
const DEFINES_LETTERS =
  /(?:第[一二三四五六七八九十\d]+(?:[至到—~～、和][第]?[一二三四五六七八九十\d]+)*位|其中[，,：:]?|字母)[“"‘]?[XxＸｘ]+[”"’]?(?:均)?(?:代表|表示|为|是|指)/;
/** ASCII and full-width operators: `x+y`, `1+X`, `x=2` (`+=*^<>＋＝−≤≥`), compared by code: `text[i]` of a Han character builds a string. */
function isOperator(code: number): boolean {
  return (
    code === 0x2b || code === 0x3d || code === 0x2a || code === 0x5e || code === 0x3c || code === 0x3e || code === 0xff0b || code === 0xff1d || code === 0x2212 || code === 0x2264 || code === 0x2265
  );
}
/** A `×` between words is a multiplication where its sentence has one of these: `应纳税额＝货物数量×单位税额`. */
const FORMULA_SIGNS = '=＝÷';
const FORMULA_REACH = 60;
const SENTENCE_END = '。；;\n';

function matchesAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

/** Whether a Latin word stands across up to three spaces before the run (`Mac OS X`). */
function latinBeforeSpaces(text: string, start: number): boolean {
  let before = start;
  // A step taken on every run, not only on the rare one after a space: an operation first run after the function was
  // compiled throws its compiled code away.
  do before--;
  while (before >= start - 3 && isSpace(codeAt(text, before)));
  return isLatinLetter(codeAt(text, before)) && before < start - 1;
}

/** Whether a Latin word stands across up to three spaces after the run (`X Window`, or a unit: `XX Gbps`). */
function latinAfterSpaces(text: string, end: number): boolean {
  let after = end;
  while (after < end + 3 && isSpace(codeAt(text, after))) after++;
  return after > end && isLatinLetter(codeAt(text, after));
}

/** An ISBN-10 before its check character: `7-302-12345-X`. */
const ISBN_BEFORE = /\d{1,5}-\d{1,7}-\d{1,7}-$/;
const ID_DIGITS = 17;

/** Whether a lone X is the check character of an identity card number (17 digits before it) or an ISBN-10. */
function isCheckCharacter(text: string, start: number): boolean {
  let digits = 0;
  while (digits < ID_DIGITS && isDecimalDigit(codeAt(text, start - 1 - digits))) digits++;
  if (digits === ID_DIGITS) return true;
  return text[start - 1] === '-' && ISBN_BEFORE.test(text.slice(Math.max(0, start - 20), start));
}

/** Whether the sentence around `index` is a formula: an `=` or `÷` within reach on either side. */
function inFormula(text: string, index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - FORMULA_REACH) && !SENTENCE_END.includes(text[i]); i--) if (FORMULA_SIGNS.includes(text[i])) return true;
  for (let i = index + 1; i < Math.min(text.length, index + FORMULA_REACH) && !SENTENCE_END.includes(text[i]); i++) if (FORMULA_SIGNS.includes(text[i])) return true;
  return false;
}

/**
 * Closing brackets by the code of their opening one. Looked up by code, not by a one-character string: a
 * string of a character above U+00FF is built anew for each `text[i]`, and an object keyed by it hashes it.
 */
const CLOSING_BRACKET: ReadonlyMap<number, number> = new Map(
  Object.entries({ '（': '）', '(': ')', '【': '】', '[': ']', '［': '］', '〔': '〕' }).map(([open, close]) => [open.charCodeAt(0), close.charCodeAt(0)]),
);

interface RunContext {
  text: string;
  /** The blank characters. */
  start: number;
  end: number;
  /** Where the quote starts (digits before the run: `20` in `20XX年`). */
  quoteStart: number;
  /** Number of blank characters, not counting `.`, `/` and `-` between them. */
  length: number;
  hasDot: boolean;
  hasSlash: boolean;
  /** Lengths of the groups between hyphens (`XXXX-XX-XX`); one entry without hyphens. */
  groups: readonly number[];
  /** The blank just before this one, when only `、` or `，` separates them (`出席：某某、某某`). */
  listedAfter: Blank | undefined;
}

interface Classified {
  kind: BlankKind;
  /** The word that decided the kind (`年`, `人民法院`), if a word did. */
  word: string | undefined;
  quoteStart: number;
  /** End of the quote: after `余`/`多` and the deciding word. */
  quoteEnd: number;
}

/**
 * Says what belongs in a run, naming a kind only where a word makes it certain: a unit after it (`X年`,
 * `XX人民法院`), brackets around a four-character run (`（××××）`, a year), or a label before it (`电话：`,
 * `联系人：`, `第`). Anything else is `generic`, and its quote is the blank alone.
 */
function classify(run: RunContext): Classified {
  const { text, start, end, quoteStart } = run;
  const closer = CLOSING_BRACKET.get(codeAt(text, start - 1));
  if (run.length === 4 && run.groups.length === 1 && quoteStart === start && closer !== undefined && closer === text.charCodeAt(end)) {
    return { kind: 'year', word: undefined, quoteStart: start - 1, quoteEnd: end + 1 };
  }
  let after = end;
  // A step of 0 or 1 on every run, for the reason given in latinBeforeSpaces.
  after += text[after] === '余' || text[after] === '多' ? 1 : 0;
  const lookBack = text.slice(Math.max(0, quoteStart - 8), quoteStart);
  const word = unitAt(text, after);
  if (word !== undefined) {
    let quoteEnd = after + word.length;
    let kind = UNITS[word].kind;
    // `X万亩`, `X亿千瓦时`: a magnitude with its unit is quoted whole.
    if (word === '万' || word === '亿' || word === '千') {
      const next = unitAt(text, quoteEnd);
      if (next !== undefined && UNITS[next].kind === 'number') quoteEnd += next.length;
    }
    if (kind === 'year' && COUNT_CUE.test(lookBack)) kind = 'number';
    return { kind, word, quoteStart, quoteEnd };
  }
  const latinEnd = latinUnitEnd(text, end);
  if (latinEnd !== -1) return { kind: 'number', word: text.slice(end, latinEnd).trim(), quoteStart, quoteEnd: latinEnd };
  const body = bodyNameAhead(text, end);
  if (body !== undefined) return { kind: 'place', word: body.word, quoteStart, quoteEnd: body.end };
  // `2024-XX-XX`, `2024-05-XX`: the rest of a date written with hyphens.
  const dateStart = datePrefixStart(text, start, run.groups);
  if (dateStart !== -1) return { kind: 'date', word: undefined, quoteStart: dateStart, quoteEnd: end };
  return { kind: kindWithoutUnit(run, lookBack), word: undefined, quoteStart, quoteEnd: end };
}

/** A year and a hyphen (`2024-`), then a month and a hyphen (`05-`), read up to a run. */
const YEAR_AND_HYPHEN = /(?:19|20)\d\d-/y;
const MONTH_AND_HYPHEN = /\d{1,2}-/y;

/** Where a date begins whose month and day (`2024-XX-XX`) or day (`2024-05-XX`) the run is; or -1. */
function datePrefixStart(text: string, start: number, groups: readonly number[]): number {
  if (text[start - 1] !== '-' || groups.some((group) => group > 2)) return -1;
  if (groups.length === 2) return start >= 5 && matchesAt(YEAR_AND_HYPHEN, text, start - 5) ? start - 5 : -1;
  if (groups.length !== 1) return -1;
  for (const month of [2, 3]) {
    const from = start - month - 5;
    if (from >= 0 && matchesAt(MONTH_AND_HYPHEN, text, start - month) && MONTH_AND_HYPHEN.lastIndex === start && matchesAt(YEAR_AND_HYPHEN, text, from)) return from;
  }
  return -1;
}

/** The kind a label before a run, or the run's own shape, makes certain; else `generic`. */
function kindWithoutUnit(run: RunContext, lookBack: string): BlankKind {
  const { text, start, quoteStart, groups } = run;
  const digitsBefore = start - quoteStart;
  if (COUNT_CUE.test(lookBack) || run.hasSlash || run.hasDot) return 'number';
  // `20XX-XX-XX`, `XXXX-XX-XX`.
  if (groups.length === 3 && groups[0] + digitsBefore === 4 && groups[1] === 2 && groups[2] === 2) return 'date';
  // `20XX`, `19XX`: a year written in digits.
  if (groups.length === 1 && digitsBefore > 0 && digitsBefore + run.length === 4 && /^(?:19|20)/.test(text.slice(quoteStart, quoteStart + 2))) return 'year';
  if (run.length >= 3) {
    // The label before the whole number: `联系电话：0371-6789XXXX`, `身份证号码：1101XXXXXXX`.
    let numberStart = quoteStart;
    while (numberStart > quoteStart - 24 && (isDigit(codeAt(text, numberStart - 1)) || text[numberStart - 1] === '-')) numberStart--;
    const label = text.slice(Math.max(0, numberStart - 8), numberStart);
    if (PHONE_CUE.test(label)) return 'phone';
    if (numberStart < start && !OTHER_NUMBER_CUE.test(label)) return 'phone';
  }
  if (PERSON_CUE.test(lookBack) || run.listedAfter?.kind === 'person') return 'person';
  return 'generic';
}

interface XBlank extends Blank {
  kind: BlankKind;
  end: number;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  word: string | undefined;
}

/** Joins `X年` + `X月` + `X日` written together into one date blank. */
function joinDate(previous: XBlank | undefined, next: XBlank, text: string): boolean {
  if (!previous || next.quoteStart !== previous.quoteEnd || next.kind !== 'date') return false;
  const joins = (previous.word === '年' && next.word === '月') || (previous.word === '月' && next.word === '日');
  if (!joins || (previous.kind !== 'year' && previous.kind !== 'date')) return false;
  previous.kind = 'date';
  previous.end = next.end;
  previous.quoteEnd = next.quoteEnd;
  previous.word = next.word;
  previous.quote = quoteOf(text, previous.quoteStart, next.quoteEnd);
  return true;
}

/** The blank just before `start` when only `、` or `，` lies between: a list of blanks of one kind. */
function listedBefore(out: readonly Blank[], text: string, start: number): Blank | undefined {
  const last = out[out.length - 1];
  return last !== undefined && last.end === start - 1 && '、，'.includes(text[start - 1]) ? last : undefined;
}

/** Whether an anonymised party of a case report (`某某公司`, `X科技有限公司`) is named by this blank. */
function namesAnonymisedParty(found: Classified, context: BlankContext): boolean {
  return found.word !== undefined && COMPANY.test(found.word) && context.namesParties();
}

/**
 * Runs of `X` `x` `Ｘ` `×` `✕` (with `.`, `/` or `-` between them: `X.X%`, `X/X`, `XXXX-XXXXXXX`) that stand for a
 * number, a date part or a name beside Chinese text or digits. Not: Latin words (`XML`, `SpaceX`, `Mac OS X`),
 * codes followed by digits (`x86`, `7×24`), formulas (`x+y`, `f(x)`, `1+X`, `数量×单位税额＝`), a lone cross not
 * followed by a unit (`数据要素×`), letters of a code format the text explains.
 */
function scanXRuns(text: string, context: BlankContext, out: Blank[]): void {
  let previous: XBlank | undefined;
  let definesLetters: boolean | undefined;
  let i = 0;
  while (i < text.length) {
    X_CHAR.lastIndex = i;
    // `test` allocates no match; a match is one character, so it ends at lastIndex.
    if (!X_CHAR.test(text)) break;
    i = X_CHAR.lastIndex - 1;
    const start = i;
    let length = 0;
    let crossesOnly = true;
    let hasDot = false;
    let hasSlash = false;
    const groups: number[] = [];
    let groupLength = 0;
    for (;;) {
      while (i < text.length && isXChar(text.charCodeAt(i))) {
        if (!isCross(text.charCodeAt(i))) crossesOnly = false;
        length++;
        groupLength++;
        i++;
      }
      const joint = text[i];
      if ((joint === '.' || joint === '．' || joint === '/' || joint === '-' || joint === '－') && isXChar(codeAt(text, i + 1))) {
        if (joint === '/') hasSlash = true;
        else if (joint === '-' || joint === '－') {
          groups.push(groupLength);
          groupLength = 0;
        } else hasDot = true;
        i++;
        continue;
      }
      break;
    }
    groups.push(groupLength);
    const end = i;
    const prev = codeAt(text, start - 1);
    const next = codeAt(text, end);
    if (isLatinLetter(prev) || isLatinLetter(next) || isDigit(next)) continue;
    if (isOperator(prev) || isOperator(next)) continue;
    if (prev === 0x28 && next === 0x29) continue;
    // `X-ray`, `X-47B`, `CT-X`: a hyphenated code. `0371-XXXX` (digits before the hyphen) is still a blank.
    if ((next === 0x2d && (isLatinLetter(codeAt(text, end + 1)) || isDigit(codeAt(text, end + 1)))) || (prev === 0x2d && isLatinLetter(codeAt(text, start - 2)))) continue;
    if (latinBeforeSpaces(text, start) || (latinAfterSpaces(text, end) && latinUnitEnd(text, end) === -1)) continue;
    // One call site for both, so that the first letter explained after the scan was compiled throws it away once.
    // 用 以, 设 令.
    const explaining = prev === 0x7528 || prev === 0x4ee5 ? EXPLAINS_AFTER_USE : prev === 0x8bbe || prev === 0x4ee4 ? EXPLAINS_AFTER_LET : undefined;
    if (explaining !== undefined && matchesAt(explaining, text, end)) continue;
    // A run of two or more stands out between spaces too (`第二章  XXX`); a single letter needs a neighbour.
    const wholeBlock = start === 0 && end === text.length;
    const hasNeighbour = (prev !== -1 && !isSpace(prev)) || (next !== -1 && !isSpace(next));
    if (length < 2 && (!hasNeighbour || wholeBlock)) continue;
    if (length === 1 && !crossesOnly && isCheckCharacter(text, start)) continue;
    if (crossesOnly && length === 1) {
      // A lone cross between words multiplies in a formula (`应纳税额＝货物数量×单位税额`).
      // ）) before, （( after.
      // inFormula first, on every lone cross: a call first made after the scan was compiled throws its code away.
      if (inFormula(text, start) && (isHan(prev) || prev === 0xff09 || prev === 0x29) && (isHan(next) || next === 0xff08 || next === 0x28)) continue;
      // Elsewhere it multiplies (`人数×单价`, `5×`) unless a unit shows it stands for a digit (`×年×月`).
      if (isDigit(prev) || unitAt(text, end) === undefined) continue;
    }
    if (!crossesOnly) {
      definesLetters ??= DEFINES_LETTERS.test(text) || (context.nextText !== undefined && DEFINES_LETTERS.test(context.nextText));
      if (definesLetters) continue;
    }
    let quoteStart = start;
    if (!crossesOnly) while (quoteStart > start - 4 && isDecimalDigit(codeAt(text, quoteStart - 1))) quoteStart--;
    const run: RunContext = { text, start, end, quoteStart, length, hasDot, hasSlash, groups, listedAfter: listedBefore(out, text, start) };
    const classified = classify(run);
    if (length <= 3 && namesAnonymisedParty(classified, context)) continue;
    const blank: XBlank = { start, end, kind: classified.kind, quote: quoteOf(text, classified.quoteStart, classified.quoteEnd), quoteStart: classified.quoteStart, quoteEnd: classified.quoteEnd, word: classified.word };
    if (joinDate(previous, blank, text)) continue;
    out.push(blank);
    previous = blank;
  }
}

/**
 * A paragraph of nothing but `X` runs, spaces and punctuation (`XXXX XXXX XXXX。`, `XXXX，XXXX。`) stands for a
 * whole paragraph of text: one blank, not several, and not a Latin word. Returns it, or undefined.
 */
const NOT_FILLER = /[^\s\p{P}\p{S}XxＸｘ✕✖✗╳]/u;
const MIN_FILLER_LETTERS = 4;

function fillerParagraph(text: string): Blank | undefined {
  if (NOT_FILLER.test(text)) return undefined;
  let first = -1;
  let last = -1;
  let letters = 0;
  let runs = 0;
  let longRun = false;
  for (let i = 0; i < text.length; i++) {
    if (!isXChar(text.charCodeAt(i))) continue;
    if (first === -1) first = i;
    if (first === i || last !== i - 1) runs++;
    else longRun = true;
    last = i;
    letters++;
  }
  // Spaced single letters (`X X X`) are not a run of filler.
  if (runs < 2 || !longRun || letters < MIN_FILLER_LETTERS) return undefined;
  return { start: first, end: last + 1, kind: 'generic', quote: quoteOf(text, first, last + 1) };
}

/**
 * Single surnames: `王某某` is an anonymised name in a case report, not a blank. Characters that commonly end
 * other words before `某某` (`于` in `关于某某`, `和`, `向`, `管` in `分管`) are left out on purpose.
 */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹耿焦俞柳甘祝包尚符舒阮柯纪梅童凌毕裴霍涂苗谷盛翁冉骆蓝辛靳柴蒙鲍喻祁蒲房滕屈饶牟艾尤穆卓缪车褚娄窦戚岑景党宫费卜冷晏卫米柏宗瞿桂佟臧闵苟邬边卞姬栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池苑迟邝宁冀雍鄢谌荆阎禹粟揭',
);
/** Two-character surnames: `欧阳某某`. */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容', '司徒', '夏侯', '尉迟', '公孙', '长孙', '宇文']);
/** Words ending in a surname character: `主任某某` is a title before a blank name, `浙江某某公司` a place. */
const WORDS_ENDING_IN_SURNAME = /主任|副主任|浙江|长江|黑龙江|钱塘江|安宁|辽宁|南宁|西宁|济宁|江苏|华夏/y;

function isAnonymisedName(text: string, start: number): boolean {
  if (COMPOUND_SURNAMES.has(text.slice(Math.max(0, start - 2), start))) return true;
  if (!SURNAMES.has(text[start - 1] ?? '')) return false;
  for (const from of [start - 3, start - 2]) {
    if (from < 0) continue;
    WORDS_ENDING_IN_SURNAME.lastIndex = from;
    // `test` leaves lastIndex at the word's end, with no match object whose first read would come late.
    if (WORDS_ENDING_IN_SURNAME.test(text) && WORDS_ENDING_IN_SURNAME.lastIndex === start) return false;
  }
  return true;
}

const CHINESE_NUMERAL = '一二三四五六七八九十百千零两〇○';

/** `某`, `□`, `○`/`〇` runs and filler words: `什么什么什么`, `啥啥啥`. */
const REPEATED = /某{2,}|□{2,}|[○〇]{2,}|(?:什么){3,}|啥{3,}/g;

/** Runs of one character or word repeated (`某某`, `○○`, `□□`, `什么什么什么`), each a blank by its own test. */
function scanRepeatedRuns(text: string, context: BlankContext, out: Blank[]): void {
  REPEATED.lastIndex = 0;
  for (let match = REPEATED.exec(text); match !== null; match = REPEATED.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const char = match[0][0];
    // Anonymisations have at most two: `王某某`; `王某某某` is a surname before a blank. A case report that names
    // its parties anonymises every name that way (`被告某某`, `某某市某某区`).
    if (char === '某' && end - start === 2 && (isAnonymisedName(text, start) || context.namesParties())) continue;
    // `二○○五年`, `二〇〇〇年`: part of a Chinese numeral.
    if ((char === '○' || char === '〇') && (CHINESE_NUMERAL.includes(text[start - 1] ?? '\n') || CHINESE_NUMERAL.includes(text[end] ?? '\n'))) continue;
    const run: RunContext = { text, start, end, quoteStart: start, length: end - start, hasDot: false, hasSlash: false, groups: [end - start], listedAfter: listedBefore(out, text, start) };
    const classified = classify(run);
    if (char === '某' && namesAnonymisedParty(classified, context)) continue;
    out.push({ start, end, kind: classified.kind, quote: quoteOf(text, classified.quoteStart, classified.quoteEnd) });
  }
}

const QUOTATION_REACH = 200;

/** Whether an opening quotation mark before `index` is still open there (looking back a bounded way). */
function insideQuotation(text: string, index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - QUOTATION_REACH); i--) {
    const char = text[i];
    if (char === '“' || char === '「' || char === '『') return true;
    if (char === '”' || char === '」' || char === '』') return false;
  }
  return false;
}

/** `…` and `⋯` runs; a clause that holds only one is a blank (`会议认为，……。`). */
const ELLIPSIS = /[…⋯]+/g;
/** Before the ellipsis: the start of a clause. Not `、` (`北京、上海、……` ends a list) nor a quotation mark. */
const CLAUSE_START = '，,；;：:。！？';
/** After the ellipsis: the end of a clause or sentence. */
const CLAUSE_END = '，,；;。！？';

/**
 * Clauses and paragraphs whose only content is an ellipsis: `……` alone, `会议认为，……。`, `出席会议的还有：……。`,
 * `抄送：区委宣传部，……；`. Not an ellipsis after words (`我们一定……`, `北京、上海……`) or inside quotation marks.
 */
function scanEllipses(text: string, out: Blank[]): void {
  ELLIPSIS.lastIndex = 0;
  for (let match = ELLIPSIS.exec(text); match !== null; match = ELLIPSIS.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    let before = start - 1;
    while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
    let after = end;
    while (after < text.length && isSpace(text.charCodeAt(after))) after++;
    const opensClause = before < 0 || text[before] === '\n' || CLAUSE_START.includes(text[before]);
    const closesClause = after >= text.length || text[after] === '\n' || CLAUSE_END.includes(text[after]);
    // Inside quotation marks it leaves out part of the text quoted: `“要坚持问题导向，……，切实…”`.
    if (opensClause && closesClause && !insideQuotation(text, start)) out.push({ start, end, kind: 'ellipsis', quote: quoteOf(text, start, end) });
  }
}

/** Three or more underscores, ASCII or full-width: a line left to be filled in by hand. */
const UNDERLINE = /[_＿]{3,}/g;

function scanUnderlines(text: string, out: Blank[]): void {
  UNDERLINE.lastIndex = 0;
  for (let match = UNDERLINE.exec(text); match !== null; match = UNDERLINE.exec(text)) {
    const end = match.index + match[0].length;
    out.push({ start: match.index, end, kind: 'underline', quote: quoteOf(text, match.index, end) });
  }
}

const OPENING_BRACKET = /[（(【[［〔]/g;
/** Words in a bracket that make it a prompt to the author: `【单位名称】`, `【待补充】`, `【此处填写…】`. */
const PROMPT_WORDS = /待补充|待填写|待定|待核实|待确认|填写|填入|插入|输入|此处|请(?:填|输入|补充|插入|选择|替换)|(?:名称|姓名|金额|数额|人数|数量|数字|文号|职务|年份|月份|日期)$/;
const MAX_PROMPT = 20;

/** Brackets holding only spaces (`（    ）`, `[ ]`) and square brackets holding a prompt (`【单位名称】`). */
function scanBrackets(text: string, out: Blank[]): void {
  for (let i = 0; i < text.length; i++) {
    OPENING_BRACKET.lastIndex = i;
    // `test` allocates no match; a match is one character, so it ends at lastIndex.
    if (!OPENING_BRACKET.test(text)) break;
    i = OPENING_BRACKET.lastIndex - 1;
    const close = CLOSING_BRACKET.get(text.charCodeAt(i));
    const start = i;
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (j > start + 1 && text.charCodeAt(j) === close) {
      out.push({ start, end: j + 1, kind: 'emptyBracket', quote: quoteOf(text, start, j + 1) });
      i = j;
      continue;
    }
    if (j > start + 1) {
      // The spaces were read once; the bracket check resumes after them.
      i = j - 1;
      continue;
    }
    // （ ( 〔
    const opening = text.charCodeAt(start);
    if (opening === 0xff08 || opening === 0x28 || opening === 0x3014) continue;
    const limit = Math.min(text.length, start + 2 + MAX_PROMPT);
    let k = start + 1;
    while (k < limit && text.charCodeAt(k) !== close && !CLOSING_BRACKET.has(text.charCodeAt(k))) k++;
    if (k < limit && text.charCodeAt(k) === close && k > start + 1 && PROMPT_WORDS.test(text.slice(start + 1, k))) {
      out.push({ start, end: k + 1, kind: 'prompt', quote: text.slice(start, k + 1) });
      i = k;
    }
  }
}

const OPENING_QUOTES = '“‘「『"`';
const CLOSING_QUOTES = '”’」』"`';
const QUOTE_REACH = 20;

/** Whether a word sits inside quotation marks or backticks close around it: `不得保留“TODO”标记`. */
function isQuoted(text: string, start: number, end: number): boolean {
  let opened = false;
  for (let i = start - 1; i >= Math.max(0, start - QUOTE_REACH); i--) {
    const char = text[i];
    if (OPENING_QUOTES.includes(char)) {
      opened = true;
      break;
    }
    if (CLOSING_QUOTES.includes(char) || char === '。') return false;
  }
  if (!opened) return false;
  for (let i = end; i < Math.min(text.length, end + QUOTE_REACH); i++) {
    const char = text[i];
    if (CLOSING_QUOTES.includes(char)) return true;
    if (OPENING_QUOTES.includes(char) || char === '。') return false;
  }
  return false;
}

/** Characters that form a word with a following `待`: `有待补充`, `亟待核实`, `对待` are prose, not markers. */
const WORD_BEFORE_WAIT = '有亟尚仍还对等期接招款虐亏优善厚相看留以静坐急守';
const LATIN_MARKER = /^[A-Za-z]+$/;
const FIELD_BEFORE = '（(【[［：:';
/** The empty string stands for the end of the block. */
const FIELD_AFTER = '）)】]］。';

/** Marker words (`待补充`, `TODO`) that are used, not mentioned. */
function scanMarkers(text: string, markers: readonly string[], out: Blank[]): void {
  for (const marker of markers) {
    const latin = LATIN_MARKER.test(marker);
    for (let start = text.indexOf(marker); start !== -1; start = text.indexOf(marker, start + 1)) {
      const end = start + marker.length;
      if (latin) {
        const before = codeAt(text, start - 1);
        const after = codeAt(text, end);
        if (isAsciiLetter(before) || isDecimalDigit(before) || isAsciiLetter(after) || isDecimalDigit(after) || text[start - 1] === '_' || text[end] === '_') continue;
      }
      if (marker.startsWith('待') && WORD_BEFORE_WAIT.includes(text[start - 1] ?? '\n')) continue;
      // `请填写《报名表》`, `报名人员请填写附件2`: an instruction to the reader. A request marker is a blank only
      // where it fills a field or a bracket: `负责人：请填写`, `（请填写）`.
      if (marker.startsWith('请') && !FIELD_BEFORE.includes(text[start - 1] ?? '\n') && !FIELD_AFTER.includes(text[end] ?? '')) continue;
      if (isQuoted(text, start, end)) continue;
      out.push({ start, end, kind: 'marker', quote: marker });
    }
  }
}

function scanPatterns(text: string, patterns: readonly RegExp[], out: Blank[]): void {
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      out.push({ start: match.index, end: match.index + match[0].length, kind: 'pattern', quote: quoteOf(text, match.index, match.index + match[0].length) });
    }
  }
}

/** Sorted, non-overlapping `[start, end)` ranges. */
type Ranges = [number, number][];

/**
 * URLs, e-mail addresses and backtick code in the text: ASCII runs read once each, so that a long run of
 * `x` is not re-scanned from every position as a regex like `[\w.]+@` would.
 */
function excludedRanges(text: string): Ranges {
  if (!text.includes('`')) return addressRanges(text);
  const ranges: Ranges = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x60) {
      const close = text.indexOf('`', i + 1);
      if (close === -1) {
        i++;
        continue;
      }
      ranges.push([i, close + 1]);
      i = close + 1;
      continue;
    }
    if (code <= 0x20 || code > 0x7e) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && text.charCodeAt(i) > 0x20 && text.charCodeAt(i) <= 0x7e && text.charCodeAt(i) !== 0x60) i++;
    if (isAddress(text.slice(start, i))) ranges.push([start, i]);
  }
  return ranges;
}

/** Whether a run of printable ASCII is a URL or an e-mail address. */
function isAddress(token: string): boolean {
  const at = token.indexOf('@');
  return token.includes('://') || /^[^A-Za-z]*www\./i.test(token) || (at > 0 && token.indexOf('.', at) > at + 1);
}

/** What an address holds at least one of. */
const ADDRESS_SIGN = /:\/\/|www\.|@/gi;

function isTokenCharacter(code: number): boolean {
  return code > 0x20 && code <= 0x7e && code !== 0x60;
}

/**
 * excludedRanges of a text without backticks: the runs of printable ASCII around each place where an address
 * sign stands (every address holds one), instead of every run read and tested. Drafts full of blanks have
 * runs of `X` and half-width marks in every sentence, and almost never an address.
 */
function addressRanges(text: string): Ranges {
  const ranges: Ranges = [];
  ADDRESS_SIGN.lastIndex = 0;
  for (let found = ADDRESS_SIGN.exec(text); found !== null; found = ADDRESS_SIGN.exec(text)) {
    let start = found.index;
    while (start > 0 && isTokenCharacter(text.charCodeAt(start - 1))) start--;
    let end = found.index + found[0].length;
    while (end < text.length && isTokenCharacter(text.charCodeAt(end))) end++;
    if (isAddress(text.slice(start, end))) ranges.push([start, end]);
    // The next sign is looked for after this run: one run, one range.
    ADDRESS_SIGN.lastIndex = end;
  }
  return ranges;
}

function overlapsAny(ranges: Ranges, start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  // Find the last range starting before `end`.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (ranges[mid][0] < end) low = mid;
    else high = mid - 1;
  }
  return ranges.length > 0 && ranges[low][0] < end && ranges[low][1] > start;
}

function matchRanges(text: string, patterns: readonly RegExp[]): Ranges {
  const ranges: Ranges = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Merge, so that the binary search in overlapsAny sees disjoint ranges.
  const merged: Ranges = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function prepareBlankScan(options: BlankScanOptions): BlankScan {
  return {
    markers: options.markers,
    patterns: options.patterns,
    allow: [...BUILTIN_ALLOW, ...options.allow],
    markerHint: options.markers.length > 0 ? new RegExp(options.markers.map(escapeRegExp).join('|')) : undefined,
    markersOpenWithInitials: options.markers.every((marker) => MARKER_INITIALS.includes(marker[0])),
  };
}

/**
 * Something every built-in blank needs: an X-like character or a square bracket, two `某`/`□`/`○` in a row,
 * three underscores, or a space just inside a round bracket. Most blocks have none, and one native search
 * over them replaces the scans below. The marker words have a hint of their own, which also spares the blocks
 * that need the scans one search per marker.
 */
const BLANK_HINT = /[XxＸｘ×【[［]|某某|□□|[○〇][○〇]|[_＿]{3}|[（(〔][ \t\u3000\u00a0]/;
/**
 * The rarer forms: crosses, ellipses and filler words. A second search, because adding them to BLANK_HINT
 * makes V8 search every block half again as slowly (measured: 5.7 → 10.2 ms over 3.6 MB; two searches 8.2 ms).
 */
const RARE_BLANK_HINT = /[✕✖✗╳…⋯]|什么什么什么|啥啥啥/;

const NO_BLANKS: readonly Blank[] = [];

/** By start, the longer of two that start together first. */
function compareBlanks(a: Blank, b: Blank): number {
  return a.start - b.start || b.end - a.end;
}

function inBlankOrder(blanks: readonly Blank[]): boolean {
  for (let i = 1; i < blanks.length; i++) if (compareBlanks(blanks[i - 1], blanks[i]) > 0) return false;
  return true;
}

/** Every blank in a block's text, sorted by position, none overlapping another. */
export function findBlanks(text: string, scan: BlankScan, context: BlankContext = NO_CONTEXT): readonly Blank[] {
  return findBlanksAfterHint(text, scan, context, BLANK_HINT.test(text) || RARE_BLANK_HINT.test(text));
}

/**
 * findBlanks where the caller has already answered BLANK_HINT and RARE_BLANK_HINT (`hinted`): the rule learns it for
 * every block of a document from the scan it shares with the format rules (trigger-scan.ts, Trigger.Blank).
 * `initialFound` says whether the block holds one of MARKER_INITIALS (Trigger.Marker); where every marker word opens
 * with one of them and it holds none, no marker word is searched for.
 */
export function findBlanksAfterHint(text: string, scan: BlankScan, context: BlankContext, hinted: boolean, initialFound = true): readonly Blank[] {
  const hasMarker = scan.markerHint !== undefined && (initialFound || !scan.markersOpenWithInitials) && scan.markerHint.test(text);
  if (!hasMarker && scan.patterns.length === 0 && !hinted) return NO_BLANKS;
  const found: Blank[] = [];
  scanXRuns(text, context, found);
  // A paragraph of filler letters is one blank, unless its letters already read as one (`XX.XX%`).
  const filler = fillerParagraph(text);
  if (filler !== undefined && !(found.length === 1 && found[0].start === filler.start && found[0].end === filler.end)) found.splice(0, found.length, filler);
  scanRepeatedRuns(text, context, found);
  if (context.inTable !== true) scanEllipses(text, found);
  scanUnderlines(text, found);
  scanBrackets(text, found);
  if (hasMarker) scanMarkers(text, scan.markers, found);
  scanPatterns(text, scan.patterns, found);
  if (found.length === 0) return found;
  const excluded = excludedRanges(text);
  const allowed = matchRanges(text, scan.allow);
  // The scans mostly find blanks in order already (one scan, or several that each found something apart); a stable
  // sort of a sorted list leaves it as it is, so the check spares the comparator calls without changing the result.
  if (!inBlankOrder(found)) found.sort(compareBlanks);
  const kept: Blank[] = [];
  for (const blank of found) {
    const last = kept[kept.length - 1];
    if (last && blank.start < last.end) continue;
    if (overlapsAny(excluded, blank.start, blank.end) || overlapsAny(allowed, blank.start, blank.end)) continue;
    kept.push(blank);
  }
  return kept;
}
