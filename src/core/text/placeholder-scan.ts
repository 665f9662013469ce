/**
 * Finds template blanks (占位符) in one block's text: runs of `X`/`×`, `某某`, `○○`, `□□`, underscores, empty
 * brackets, bracketed prompts and marker words. Each scan is one left-to-right pass or an indexOf loop and
 * every look-around is bounded, so a megabyte-long run of `X` or `某` costs linear time.
 */

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
  /** The blank with the digits and unit around it (`20XX年`, `X万元`), as the message quotes it. */
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
}

/** Words in which a Latin X is not a blank (`X光`, `x轴`, `X染色体`), checked one X before the word. */
export const BUILTIN_ALLOW: readonly RegExp[] = [/[XxＸｘ](?:光|射线|线|刀|染色体|轴|坐标|型|形|因素|理论|世代)/g];

export const DEFAULT_MARKERS: readonly string[] = ['待补充', '待填写', '待核实', '请填写', '此处插入', '此处填写', 'TODO', 'TBD', 'FIXME'];

const MAX_QUOTE = 24;

/** Long runs are quoted by their start: the message stays short while the span stays exact. */
function quoteOf(text: string, from: number, to: number): string {
  return to - from > MAX_QUOTE ? `${text.slice(from, from + MAX_QUOTE)}…` : text.slice(from, to);
}

/** Jumps to the next candidate; the run itself is then read code by code. */
const X_CHAR = /[XxＸｘ×]/g;

function isXChar(code: number): boolean {
  // X x Ｘ ｘ ×
  return code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58 || code === 0xd7;
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isDigit(code: number): boolean {
  return isAsciiDigit(code) || (code >= 0xff10 && code <= 0xff19);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
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

/** Code at `index`, or -1 outside the text. */
function codeAt(text: string, index: number): number {
  return index >= 0 && index < text.length ? text.charCodeAt(index) : -1;
}

/**
 * The word after a blank says what belongs in it. Longest words first, so that `万元` wins over `万` and
 * `个百分点` over `个`.
 */
const SUFFIX_KINDS: Readonly<Record<string, BlankKind>> = {
  年: 'year',
  月: 'date',
  日: 'date',
  万元: 'amount',
  亿元: 'amount',
  千元: 'amount',
  元: 'amount',
  万美元: 'amount',
  亿美元: 'amount',
  美元: 'amount',
  '%': 'percent',
  '％': 'percent',
  个百分点: 'percent',
  同志: 'person',
  先生: 'person',
  女士: 'person',
  书记: 'person',
  副书记: 'person',
  省长: 'person',
  市长: 'person',
  县长: 'person',
  区长: 'person',
  镇长: 'person',
  乡长: 'person',
  主任: 'person',
  局长: 'person',
  厅长: 'person',
  处长: 'person',
  科长: 'person',
  部长: 'person',
  主席: 'person',
  委员: 'person',
  董事长: 'person',
  总经理: 'person',
  校长: 'person',
  院长: 'person',
  主持: 'person',
  省: 'place',
  市: 'place',
  县: 'place',
  区: 'place',
  州: 'place',
  盟: 'place',
  旗: 'place',
  镇: 'place',
  乡: 'place',
  村: 'place',
  街道: 'place',
  社区: 'place',
  局: 'place',
  厅: 'place',
  委: 'place',
  办: 'place',
  部: 'place',
  署: 'place',
  院: 'place',
  校: 'place',
  站: 'place',
  馆: 'place',
  籍: 'place',
  公司: 'place',
  集团: 'place',
  中心: 'place',
  协会: 'place',
  大学: 'place',
  学院: 'place',
  医院: 'place',
  中学: 'place',
  小学: 'place',
  银行: 'place',
  单位: 'place',
  部门: 'place',
  名: 'number',
  个: 'number',
  项: 'number',
  家: 'number',
  人: 'number',
  次: 'number',
  件: 'number',
  批: 'number',
  所: 'number',
  座: 'number',
  条: 'number',
  处: 'number',
  台: 'number',
  套: 'number',
  户: 'number',
  亩: 'number',
  公顷: 'number',
  公里: 'number',
  千米: 'number',
  平方米: 'number',
  米: 'number',
  吨: 'number',
  辆: 'number',
  倍: 'number',
  天: 'number',
  周: 'number',
  小时: 'number',
  分钟: 'number',
  种: 'number',
  类: 'number',
  份: 'number',
  篇: 'number',
  期: 'number',
  届: 'number',
  轮: 'number',
  场: 'number',
  起: 'number',
  例: 'number',
  支: 'number',
  号: 'number',
  时: 'number',
  万: 'number',
  亿: 'number',
  千: 'number',
  岁: 'number',
};

const SUFFIX = new RegExp(
  Object.keys(SUFFIX_KINDS)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'y',
);

function suffixAt(text: string, index: number): string | undefined {
  SUFFIX.lastIndex = index;
  return SUFFIX.exec(text)?.[0];
}

const NAME_QUOTE = 4;

/** Before a blank with no unit or with `年`, these make it a count: `第X年`, `近X年`, `连续X年`, `增长约X`. */
const COUNT_CUE = /(?:第|近|连续|累计|前|共|约|达|超过|不少于|不超过|仅)$/;
/** Ahead of a blank that begins a name, these make it an organisation: `XXX科技有限公司`. */
const ORGANISATION_AHEAD = /公司|集团|大学|学院|医院|中心|协会|研究院|研究所|委员会/;
const ORGANISATION_REACH = 16;
/** Before a run, a telephone: `联系电话：XXXXXXXX`. */
const PHONE_CUE = /电话|手机|传真|热线|号码/;
/** Before a run, a name: `联系人：XXX`. */
const PERSON_CUE = /联系人|姓名|主持人|发言人|负责人|经办人|出席|列席/;
/** `用X代表…`, `设x为…`: the text explains a letter, it does not leave a blank. */
const EXPLAINS_AFTER_USE = /代表(?!团|大会|队)|表示|指代|代替/y;
const EXPLAINS_AFTER_LET = /为|是|表示|代表/y;
/** ASCII and full-width operators: `x+y`, `1+X`, `x=2`. */
const OPERATORS = '+=*^<>＋＝−≤≥';

function matchesAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

/** Whether a Latin word stands across up to three spaces before (`Mac OS X`) or after (`X Window`) the run. */
function latinAcrossSpaces(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= start - 3 && isSpace(codeAt(text, before))) before--;
  if (before < start - 1 && isLatinLetter(codeAt(text, before))) return true;
  let after = end;
  while (after < end + 3 && isSpace(codeAt(text, after))) after++;
  return after > end && isLatinLetter(codeAt(text, after));
}

interface RunContext {
  text: string;
  /** The blank characters. */
  start: number;
  end: number;
  /** Where the quote starts (digits before the run: `20` in `20XX年`). */
  quoteStart: number;
  /** Number of blank characters, not counting `.` and `/` between them. */
  length: number;
  /** Whether the whole block is this run (`XXX` under a speech title). */
  wholeBlock: boolean;
  /** Kind when no word around the run says otherwise. */
  fallback: BlankKind;
}

interface Classified {
  kind: BlankKind;
  suffix: string | undefined;
  /** End of the quote: after `余`/`多` and the unit word. */
  quoteEnd: number;
}

/** Reads the words around a run to say what belongs in it. */
function classify(run: RunContext, hasDot: boolean, hasSlash: boolean): Classified {
  const { text, end, quoteStart } = run;
  let after = end;
  if (text[after] === '余' || text[after] === '多') after++;
  const suffix = suffixAt(text, after);
  let quoteEnd = after + (suffix?.length ?? 0);
  // `X万亩`, `X亿千瓦时`: a magnitude with its unit is quoted whole.
  if (suffix === '万' || suffix === '亿' || suffix === '千') {
    const unit = suffixAt(text, quoteEnd);
    if (unit !== undefined && SUFFIX_KINDS[unit] === 'number') quoteEnd += unit.length;
  }
  // With no unit word, quote a few characters of the name the blank begins (`X麦德盈华`).
  if (suffix === undefined) while (quoteEnd < after + NAME_QUOTE && isHan(codeAt(text, quoteEnd))) quoteEnd++;
  const lookBack = text.slice(Math.max(0, quoteStart - 8), quoteStart);
  let kind: BlankKind;
  if (suffix !== undefined) {
    kind = SUFFIX_KINDS[suffix];
    if (kind === 'year' && COUNT_CUE.test(lookBack)) kind = 'number';
  } else if (COUNT_CUE.test(lookBack)) kind = 'number';
  else if (hasSlash || hasDot) kind = 'number';
  else if (run.length >= 3 && (PHONE_CUE.test(lookBack) || isDigit(codeAt(text, quoteStart - 1)) || text[quoteStart - 1] === '-')) kind = 'phone';
  else if (PERSON_CUE.test(lookBack) || run.wholeBlock) kind = 'person';
  else kind = run.fallback;
  return { kind, suffix, quoteEnd };
}

/**
 * The kind of a blank no unit word explains. Before Chinese text it begins a name: an organisation's when
 * `公司`, `大学`… follow soon (`X瑞康生物科技有限公司`), else a person's if the blank looks like one (`XXX`, the
 * usual stand-in for a name, and `某某`), else a place's (`X籍`, `X农业大学`).
 */
function nameKind(text: string, end: number, looksLikePerson: boolean): BlankKind {
  if (isHan(codeAt(text, end))) {
    if (ORGANISATION_AHEAD.test(text.slice(end, end + ORGANISATION_REACH))) return 'place';
    return looksLikePerson ? 'person' : 'place';
  }
  return looksLikePerson ? 'person' : 'generic';
}

interface XBlank extends Blank {
  kind: BlankKind;
  end: number;
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  suffix: string | undefined;
}

/** Joins `X年` + `X月` + `X日` written together into one date blank. */
function joinDate(previous: XBlank | undefined, next: XBlank, text: string): boolean {
  if (!previous || next.quoteStart !== previous.quoteEnd || next.kind !== 'date') return false;
  const joins = (previous.suffix === '年' && next.suffix === '月') || (previous.suffix === '月' && next.suffix === '日');
  if (!joins || (previous.kind !== 'year' && previous.kind !== 'date')) return false;
  previous.kind = 'date';
  previous.end = next.end;
  previous.quoteEnd = next.quoteEnd;
  previous.suffix = next.suffix;
  previous.quote = quoteOf(text, previous.quoteStart, next.quoteEnd);
  return true;
}

/**
 * Runs of `X` `x` `Ｘ` `×` (with `.` or `/` between them: `X.X%`, `X/X`) that stand for a number, a date part or
 * a name beside Chinese text or digits. Not: Latin words (`XML`, `SpaceX`, `Mac OS X`), codes followed by
 * digits (`x86`, `7×24`), formulas (`x+y`, `f(x)`, `1+X`), a lone `×` not followed by a unit (`数据要素×`).
 */
function scanXRuns(text: string, out: Blank[]): void {
  let previous: XBlank | undefined;
  let i = 0;
  while (i < text.length) {
    X_CHAR.lastIndex = i;
    const found = X_CHAR.exec(text);
    if (found === null) break;
    i = found.index;
    const start = i;
    let length = 0;
    let timesOnly = true;
    let hasDot = false;
    let hasSlash = false;
    for (;;) {
      while (i < text.length && isXChar(text.charCodeAt(i))) {
        if (text.charCodeAt(i) !== 0xd7) timesOnly = false;
        length++;
        i++;
      }
      const joint = text[i];
      if ((joint === '.' || joint === '．' || joint === '/') && isXChar(codeAt(text, i + 1))) {
        if (joint === '/') hasSlash = true;
        else hasDot = true;
        i++;
        continue;
      }
      break;
    }
    const end = i;
    const prev = codeAt(text, start - 1);
    const next = codeAt(text, end);
    if (isLatinLetter(prev) || isLatinLetter(next) || isDigit(next)) continue;
    if (OPERATORS.includes(text[start - 1] ?? '\n') || OPERATORS.includes(text[end] ?? '\n')) continue;
    if (text[start - 1] === '(' && text[end] === ')') continue;
    // `X-ray`, `X-47B`, `CT-X`: a hyphenated code. `0371-XXXX` (digits before the hyphen) is still a blank.
    if ((text[end] === '-' && (isLatinLetter(codeAt(text, end + 1)) || isDigit(codeAt(text, end + 1)))) || (text[start - 1] === '-' && isLatinLetter(codeAt(text, start - 2)))) continue;
    if (latinAcrossSpaces(text, start, end)) continue;
    const before = text[start - 1];
    if ((before === '用' || before === '以') && matchesAt(EXPLAINS_AFTER_USE, text, end)) continue;
    if ((before === '设' || before === '令') && matchesAt(EXPLAINS_AFTER_LET, text, end)) continue;
    const wholeBlock = start === 0 && end === text.length;
    const hasContext = (prev !== -1 && !isSpace(prev)) || (next !== -1 && !isSpace(next)) || (wholeBlock && length >= 2);
    if (!hasContext || (wholeBlock && length < 2)) continue;
    // A lone × multiplies (`人数×单价`, `5×`) unless a unit shows it stands for a digit (`×年×月`).
    if (timesOnly && length === 1 && (isDigit(prev) || suffixAt(text, end) === undefined)) continue;
    let quoteStart = start;
    if (!timesOnly) while (quoteStart > start - 4 && isAsciiDigit(codeAt(text, quoteStart - 1))) quoteStart--;
    const run: RunContext = { text, start, end, quoteStart, length, wholeBlock, fallback: nameKind(text, end, length >= 3) };
    const { kind, suffix, quoteEnd } = classify(run, hasDot, hasSlash);
    const blank: XBlank = { start, end, kind, quote: quoteOf(text, quoteStart, quoteEnd), quoteStart, quoteEnd, suffix };
    if (joinDate(previous, blank, text)) continue;
    out.push(blank);
    previous = blank;
  }
}

/**
 * Single surnames: `王某某` is an anonymised name in a case report, not a blank. Characters that commonly end
 * other words before `某某` (`于` in `关于某某`, `和`, `向`, `管` in `分管`) are left out on purpose.
 */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹耿焦俞柳甘祝包尚符舒阮柯纪梅童凌毕裴霍涂苗谷盛翁冉骆蓝辛靳柴蒙鲍喻祁蒲房滕屈饶牟艾尤穆卓缪车褚娄窦戚岑景党宫费卜冷晏卫米柏宗瞿桂佟臧闵苟邬边卞姬栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池苑迟邝',
);
/** Words ending in a surname character: `主任某某` is a title before a blank name, `浙江某某公司` a place. */
const WORDS_ENDING_IN_SURNAME = /主任|副主任|浙江|长江|黑龙江|钱塘江/y;

function isAnonymisedName(text: string, start: number): boolean {
  if (!SURNAMES.has(text[start - 1] ?? '')) return false;
  for (const from of [start - 3, start - 2]) {
    if (from < 0) continue;
    WORDS_ENDING_IN_SURNAME.lastIndex = from;
    const word = WORDS_ENDING_IN_SURNAME.exec(text);
    if (word && from + word[0].length === start) return false;
  }
  return true;
}

const CHINESE_NUMERAL = '一二三四五六七八九十百千零两〇○';

const REPEATED_CHAR = /[某□○〇]/g;

/** Runs of one character repeated (`某某`, `○○`, `□□`), each a blank by its own test. */
function scanRepeatedRuns(text: string, out: Blank[]): void {
  let i = 0;
  while (i < text.length) {
    REPEATED_CHAR.lastIndex = i;
    const found = REPEATED_CHAR.exec(text);
    if (found === null) break;
    i = found.index;
    const char = found[0];
    const isRound = char === '○' || char === '〇';
    const start = i;
    while (i < text.length && (isRound ? text[i] === '○' || text[i] === '〇' : text[i] === char)) i++;
    const end = i;
    if (end - start < 2) continue;
    if (char === '某' && isAnonymisedName(text, start)) continue;
    // `二○○五年`, `二〇〇〇年`: part of a Chinese numeral.
    if (isRound && (CHINESE_NUMERAL.includes(text[start - 1] ?? '\n') || CHINESE_NUMERAL.includes(text[end] ?? '\n'))) continue;
    const fallback = nameKind(text, end, char === '某' || end - start >= 3);
    const run: RunContext = { text, start, end, quoteStart: start, length: end - start, wholeBlock: start === 0 && end === text.length, fallback };
    const { kind, quoteEnd } = classify(run, false, false);
    out.push({ start, end, kind, quote: quoteOf(text, start, quoteEnd) });
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

const CLOSING_BRACKET: Readonly<Record<string, string>> = { '（': '）', '(': ')', '【': '】', '[': ']', '［': '］', '〔': '〕' };
const OPENING_BRACKET = /[（(【[［〔]/g;
/** Words in a bracket that make it a prompt to the author: `【单位名称】`, `【待补充】`, `【此处填写…】`. */
const PROMPT_WORDS = /待补充|待填写|待定|待核实|待确认|填写|填入|插入|输入|此处|请(?:填|输入|补充|插入|选择|替换)|(?:名称|姓名|金额|数额|人数|数量|数字|文号|职务|年份|月份|日期)$/;
const MAX_PROMPT = 20;

/** Brackets holding only spaces (`（    ）`, `[ ]`) and square brackets holding a prompt (`【单位名称】`). */
function scanBrackets(text: string, out: Blank[]): void {
  for (let i = 0; i < text.length; i++) {
    OPENING_BRACKET.lastIndex = i;
    const found = OPENING_BRACKET.exec(text);
    if (found === null) break;
    i = found.index;
    const close = CLOSING_BRACKET[found[0]];
    const start = i;
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (j > start + 1 && text[j] === close) {
      out.push({ start, end: j + 1, kind: 'emptyBracket', quote: quoteOf(text, start, j + 1) });
      i = j;
      continue;
    }
    if (j > start + 1) {
      // The spaces were read once; the bracket check resumes after them.
      i = j - 1;
      continue;
    }
    if (text[start] === '（' || text[start] === '(' || text[start] === '〔') continue;
    const limit = Math.min(text.length, start + 2 + MAX_PROMPT);
    let k = start + 1;
    while (k < limit && text[k] !== close && CLOSING_BRACKET[text[k]] === undefined) k++;
    if (k < limit && text[k] === close && k > start + 1 && PROMPT_WORDS.test(text.slice(start + 1, k))) {
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
        if (isAsciiLetter(before) || isAsciiDigit(before) || isAsciiLetter(after) || isAsciiDigit(after) || text[start - 1] === '_' || text[end] === '_') continue;
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
    const token = text.slice(start, i);
    const at = token.indexOf('@');
    if (token.includes('://') || /^[^A-Za-z]*www\./i.test(token) || (at > 0 && token.indexOf('.', at) > at + 1)) ranges.push([start, i]);
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
  };
}

/**
 * Something every built-in blank needs: an X-like character or a square bracket, two `某`/`□`/`○` in a row,
 * three underscores, or a space just inside a round bracket. Most blocks have none, and one native search
 * over them replaces the scans below. The marker words have a hint of their own, which also spares the blocks
 * that need the scans one search per marker.
 */
const BLANK_HINT = /[XxＸｘ×【[［]|某某|□□|[○〇][○〇]|[_＿]{3}|[（(〔][ \t\u3000\u00a0]/;

const NO_BLANKS: readonly Blank[] = [];

/** Every blank in a block's text, sorted by position, none overlapping another. */
export function findBlanks(text: string, scan: BlankScan): readonly Blank[] {
  const hasMarker = scan.markerHint !== undefined && scan.markerHint.test(text);
  if (!hasMarker && scan.patterns.length === 0 && !BLANK_HINT.test(text)) return NO_BLANKS;
  const found: Blank[] = [];
  scanXRuns(text, found);
  scanRepeatedRuns(text, found);
  scanUnderlines(text, found);
  scanBrackets(text, found);
  if (hasMarker) scanMarkers(text, scan.markers, found);
  scanPatterns(text, scan.patterns, found);
  if (found.length === 0) return found;
  const excluded = excludedRanges(text);
  const allowed = matchRanges(text, scan.allow);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Blank[] = [];
  for (const blank of found) {
    const last = kept[kept.length - 1];
    if (last && blank.start < last.end) continue;
    if (overlapsAny(excluded, blank.start, blank.end) || overlapsAny(allowed, blank.start, blank.end)) continue;
    kept.push(blank);
  }
  return kept;
}
