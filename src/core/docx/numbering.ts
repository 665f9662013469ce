/**
 * Word's automatic numbering, rendered as Word draws it. A paragraph is numbered by its own `w:numPr` or by
 * one inherited from its paragraph style (through `w:basedOn`); `w:num` points to a `w:abstractNum` (perhaps
 * through a numbering style, `w:numStyleLink`), whose level gives the start, format and text (`%1、`).
 * Counters belong to the abstract definition, so a list continues across the lists between its paragraphs;
 * a `w:startOverride` restarts it, and a level restarts when a higher level is used (`w:lvlRestart`).
 * Paragraphs must be asked about in document order: each call advances the counters.
 */
import type { DocxPackage } from './package.js';
import { childElements, firstChild, type XmlElement } from './xml.js';

interface LevelDefinition {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  /** 1-based level after whose use this level restarts; 0 never; undefined: after any higher level. */
  readonly restart?: number;
  readonly legal: boolean;
}

interface ListInstance {
  readonly numId: string;
  readonly abstractId: string;
  readonly levels: readonly (LevelDefinition | undefined)[];
  /** Levels whose `w:startOverride` restarts them when this instance is first used. */
  readonly startOverrides: ReadonlyMap<number, number>;
}

const LEVELS = 9;
/** Above this a number is written in digits whatever its format: `AAAA…` and long Chinese numerals would only grow. */
const MAX_SPELLED_NUMBER = 32_767;
const MAX_LINK_DEPTH = 8;

function attribute(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attributes[name];
}

function childValue(element: XmlElement | undefined, name: string): string | undefined {
  return element ? attribute(firstChild(element, name), 'w:val') : undefined;
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A custom zero-padded decimal format, followed by its width (`decimalZeroPadded:3` is 001). */
const ZERO_PADDED = 'decimalZeroPadded:';

/** Custom formats (Word 2010+) whose first number says which built-in format they spell. */
const CUSTOM_FORMATS: Readonly<Record<string, string>> = { 一: 'chineseCounting', 壹: 'chineseLegalSimplified', '①': 'decimalEnclosedCircle', '１': 'decimalFullWidth' };

/**
 * A level's `w:numFmt`. Word 2010+ writes a custom format (`一, 二, 三, ...`) in `mc:AlternateContent` with a
 * built-in fallback: the custom one is read when it spells a known format, the fallback otherwise.
 */
function levelFormat(level: XmlElement): string {
  const direct = childValue(level, 'w:numFmt');
  if (direct !== undefined) return direct;
  const alternate = firstChild(level, 'mc:AlternateContent');
  if (!alternate) return 'decimal';
  for (const choice of childElements(alternate, 'mc:Choice')) {
    const format = firstChild(choice, 'w:numFmt');
    const custom = attribute(format, 'w:format');
    if (attribute(format, 'w:val') !== 'custom' || custom === undefined) continue;
    const first = custom.split(',')[0].trim();
    // `001, 002, 003, ...`: decimal padded with zeros to the width of the first number.
    if (/^0+1$/.test(first)) return `${ZERO_PADDED}${first.length}`;
    if (CUSTOM_FORMATS[first.charAt(0)] !== undefined) return CUSTOM_FORMATS[first.charAt(0)];
  }
  return childValue(firstChild(alternate, 'mc:Fallback'), 'w:numFmt') ?? 'decimal';
}

function readLevel(level: XmlElement): LevelDefinition {
  const restart = integer(childValue(level, 'w:lvlRestart'));
  const legal = firstChild(level, 'w:isLgl');
  const legalValue = attribute(legal, 'w:val');
  return {
    start: integer(childValue(level, 'w:start')) ?? 0,
    format: levelFormat(level),
    text: childValue(level, 'w:lvlText') ?? '',
    ...(restart === undefined ? {} : { restart }),
    legal: legal !== undefined && legalValue !== '0' && legalValue !== 'false',
  };
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 一 … 九十九 (十, 十一, 二十), then 一百, 一百零一, 一千…: the counting form Word writes for chineseCountingThousand. */
function countingThousand(value: number, digits: string, units: readonly [string, string, string, string], zero: string, bareTen: boolean): string {
  if (value === 0) return digits[0];
  const groups: string[] = [];
  const below = (n: number): string => {
    // n < 10000, written with 千百十 and 零 for gaps.
    let text = '';
    let pendingZero = false;
    const places: [number, string][] = [
      [1000, units[2]],
      [100, units[1]],
      [10, units[0]],
      [1, ''],
    ];
    for (const [place, unit] of places) {
      const digit = Math.floor(n / place) % 10;
      if (digit === 0) {
        if (text !== '') pendingZero = true;
        continue;
      }
      if (pendingZero) text += zero;
      pendingZero = false;
      text += (bareTen && place === 10 && digit === 1 && text === '' ? '' : digits[digit]) + unit;
    }
    return text;
  };
  const high = Math.floor(value / 10000);
  const low = value % 10000;
  if (high > 0) groups.push(below(high) + units[3]);
  if (low > 0) groups.push((high > 0 && low < 1000 ? zero : '') + below(low));
  return groups.join('');
}

function digitByDigit(value: number, digits: string): string {
  return String(value)
    .split('')
    .map((digit) => digits[Number(digit)])
    .join('');
}

function letters(value: number, alphabet: string): string {
  if (value <= 0) return String(value);
  // Word repeats the letter: 27 is AA, 28 is BB.
  const letter = alphabet[(value - 1) % 26];
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let text = '';
  let rest = value;
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      text += symbol;
      rest -= amount;
    }
  }
  return text;
}

function enclosed(value: number, first: number, count: number): string {
  return value >= 1 && value <= count ? String.fromCodePoint(first + value - 1) : String(value);
}

/** A number in one of Word's `w:numFmt` formats; unknown formats fall back to decimal, as Word does. */
export function formatNumber(value: number, format: string): string {
  // Word's counters are small and never negative; anything else (a hostile w:start) is shown as digits.
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_SPELLED_NUMBER) return String(value);
  switch (format) {
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    case 'upperLetter':
      return letters(value, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(value, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'chineseCounting':
    case 'taiwaneseCounting':
    case 'japaneseCounting':
      // 一 … 九十九 in words; from 100 on Word writes the digits (一〇〇).
      return value < 100 ? countingThousand(value, CHINESE_DIGITS, ['十', '百', '千', '万'], '〇', true) : digitByDigit(value, CHINESE_DIGITS);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
      return countingThousand(value, CHINESE_DIGITS, ['十', '百', '千', '万'], '零', true);
    case 'chineseLegalSimplified':
      return countingThousand(value, LEGAL_DIGITS, ['拾', '佰', '仟', '万'], '零', false);
    case 'ideographLegalTraditional':
      return countingThousand(value, '零壹貳參肆伍陸柒捌玖', ['拾', '佰', '仟', '萬'], '零', false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return digitByDigit(value, CHINESE_DIGITS);
    case 'ideographTraditional':
      return value >= 1 ? '甲乙丙丁戊己庚辛壬癸'[(value - 1) % 10] : String(value);
    case 'ideographZodiac':
      return value >= 1 ? '子丑寅卯辰巳午未申酉戌亥'[(value - 1) % 12] : String(value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(value, 0x2460, 20);
    case 'decimalEnclosedParen':
      return enclosed(value, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(value, 0x2488, 20);
    case 'ideographEnclosedCircle':
      return enclosed(value, 0x3220, 10);
    case 'none':
      return '';
    default:
      return format.startsWith(ZERO_PADDED) ? String(value).padStart(Number(format.slice(ZERO_PADDED.length)), '0') : String(value);
  }
}

/** The number shown before a paragraph, and the numbering level that defines it (`abstractNumId:ilvl`). */
export interface NumberMarker {
  readonly text: string;
  readonly level: string;
}

export class NumberingResolver {
  /** Counters by abstract numbering id: the value last shown at each level, undefined before its first use. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly usedInstances = new Set<string>();
  private readonly instanceCache = new Map<string, ListInstance | null>();

  private constructor(
    private readonly nums: ReadonlyMap<string, XmlElement>,
    private readonly abstracts: ReadonlyMap<string, XmlElement>,
    private readonly styles: ReadonlyMap<string, XmlElement>,
    private readonly defaultParagraphStyle: string | undefined,
  ) {}

  /** A resolver for a document without numbering (or for comment text, which Word does not number). */
  static none(): NumberingResolver {
    return new NumberingResolver(new Map(), new Map(), new Map(), undefined);
  }

  static fromPackage(pkg: DocxPackage): NumberingResolver {
    const relationships = pkg.relationships(pkg.mainDocument);
    const partOf = (type: string, fallback: string): string =>
      relationships.find((relationship) => !relationship.external && relationship.type.endsWith(`/${type}`))?.target ?? fallback;
    const numbering = pkg.xml(partOf('numbering', 'word/numbering.xml'));
    const nums = new Map<string, XmlElement>();
    const abstracts = new Map<string, XmlElement>();
    if (numbering) {
      for (const element of childElements(numbering, 'w:abstractNum')) abstracts.set(attribute(element, 'w:abstractNumId') ?? '', element);
      for (const element of childElements(numbering, 'w:num')) nums.set(attribute(element, 'w:numId') ?? '', element);
    }
    // Without numbering instances no paragraph is numbered (see marker): the styles part, often the largest after
    // the body in a real draft, is then not read for numbering.
    if (nums.size === 0) return NumberingResolver.none();
    const styles = pkg.xml(partOf('styles', 'word/styles.xml'));
    const styleMap = new Map<string, XmlElement>();
    let defaultParagraphStyle: string | undefined;
    if (styles) {
      for (const style of childElements(styles, 'w:style')) {
        const id = attribute(style, 'w:styleId');
        if (id === undefined) continue;
        styleMap.set(id, style);
        const isDefault = attribute(style, 'w:default');
        if (attribute(style, 'w:type') === 'paragraph' && (isDefault === '1' || isDefault === 'true')) defaultParagraphStyle = id;
      }
    }
    return new NumberingResolver(nums, abstracts, styleMap, defaultParagraphStyle);
  }

  /** The numbering properties a style gives, following `w:basedOn`; with the style that holds them. */
  private styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: string; styleId: string } | undefined {
    const seen = new Set<string>();
    let id = styleId;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) return undefined;
      const properties = firstChild(style, 'w:pPr');
      const numPr = properties && firstChild(properties, 'w:numPr');
      if (numPr) {
        const numId = childValue(numPr, 'w:numId');
        const ilvl = childValue(numPr, 'w:ilvl');
        return { ...(numId === undefined ? {} : { numId }), ...(ilvl === undefined ? {} : { ilvl }), styleId: id };
      }
      id = childValue(style, 'w:basedOn');
    }
    return undefined;
  }

  /** The abstract definition of a `w:num`, following numbering-style links (`w:numStyleLink` → style → `w:num`). */
  private abstractOf(numId: string): { id: string; element: XmlElement } | undefined {
    let num = this.nums.get(numId);
    for (let depth = 0; num && depth < MAX_LINK_DEPTH; depth++) {
      const abstractId = childValue(num, 'w:abstractNumId');
      const abstract = abstractId === undefined ? undefined : this.abstracts.get(abstractId);
      if (!abstract || abstractId === undefined) return undefined;
      const link = childValue(abstract, 'w:numStyleLink');
      if (link === undefined) return { id: abstractId, element: abstract };
      const linked = this.styleNumbering(link)?.numId;
      num = linked === undefined ? undefined : this.nums.get(linked);
    }
    return undefined;
  }

  private instance(numId: string): ListInstance | undefined {
    const cached = this.instanceCache.get(numId);
    if (cached !== undefined) return cached ?? undefined;
    const num = this.nums.get(numId);
    const abstract = this.abstractOf(numId);
    if (!num || !abstract) {
      this.instanceCache.set(numId, null);
      return undefined;
    }
    const levels: (LevelDefinition | undefined)[] = new Array<LevelDefinition | undefined>(LEVELS).fill(undefined);
    for (const level of childElements(abstract.element, 'w:lvl')) {
      const index = integer(attribute(level, 'w:ilvl'));
      if (index !== undefined && index >= 0 && index < LEVELS) levels[index] = readLevel(level);
    }
    const startOverrides = new Map<number, number>();
    for (const override of childElements(num, 'w:lvlOverride')) {
      const index = integer(attribute(override, 'w:ilvl'));
      if (index === undefined || index < 0 || index >= LEVELS) continue;
      const level = firstChild(override, 'w:lvl');
      if (level) levels[index] = readLevel(level);
      const start = integer(childValue(override, 'w:startOverride'));
      if (start !== undefined) startOverrides.set(index, start);
    }
    const instance: ListInstance = { numId, abstractId: abstract.id, levels, startOverrides };
    this.instanceCache.set(numId, instance);
    return instance;
  }

  /** The level a style is tied to inside an abstract definition (`w:lvl/w:pStyle`), for a style's numPr without `w:ilvl`. */
  private levelOfStyle(instance: ListInstance, styleId: string): number | undefined {
    const abstract = this.abstracts.get(instance.abstractId);
    if (!abstract) return undefined;
    for (const level of childElements(abstract, 'w:lvl')) {
      if (childValue(level, 'w:pStyle') === styleId) return integer(attribute(level, 'w:ilvl'));
    }
    return undefined;
  }

  /**
   * The number Word shows before a paragraph with these properties (`一、`, `（1）`), or undefined when it
   * has none (or a bullet: not a number any rule reads). Advances the counters: call once per paragraph, in order.
   */
  marker(paragraphProperties: XmlElement | undefined): NumberMarker | undefined {
    if (this.nums.size === 0) return undefined;
    const direct = paragraphProperties && firstChild(paragraphProperties, 'w:numPr');
    const styleId = childValue(paragraphProperties, 'w:pStyle') ?? this.defaultParagraphStyle;
    const fromStyle = this.styleNumbering(styleId);
    const numId = childValue(direct, 'w:numId') ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return undefined;
    const instance = this.instance(numId);
    if (!instance) return undefined;
    const directLevel = childValue(direct, 'w:ilvl');
    const levelIndex =
      integer(directLevel ?? fromStyle?.ilvl) ?? (fromStyle && childValue(direct, 'w:numId') === undefined ? this.levelOfStyle(instance, fromStyle.styleId) : undefined) ?? 0;
    if (levelIndex < 0 || levelIndex >= LEVELS) return undefined;
    const level = instance.levels[levelIndex];
    if (!level) return undefined;

    let counters = this.counters.get(instance.abstractId);
    if (!counters) {
      counters = new Array<number | undefined>(LEVELS).fill(undefined);
      this.counters.set(instance.abstractId, counters);
    }
    const starts = instance.levels.map((definition, index) => instance.startOverrides.get(index) ?? definition?.start ?? 0);
    if (!this.usedInstances.has(numId)) {
      this.usedInstances.add(numId);
      for (const index of instance.startOverrides.keys()) counters[index] = undefined;
    }
    const current = counters[levelIndex];
    counters[levelIndex] = current === undefined ? starts[levelIndex] : current + 1;
    for (let deeper = levelIndex + 1; deeper < LEVELS; deeper++) {
      const restart = instance.levels[deeper]?.restart;
      if (restart === undefined || (restart !== 0 && levelIndex < restart)) counters[deeper] = undefined;
    }
    if (level.format === 'bullet') return undefined;
    const shown = counters;
    const text = level.text.replace(/%([1-9])/g, (_whole, digit: string) => {
      const index = Number(digit) - 1;
      const value = shown[index] ?? starts[index];
      const format = level.legal && index !== levelIndex ? 'decimal' : (instance.levels[index]?.format ?? 'decimal');
      return formatNumber(value, format);
    });
    return text === '' ? undefined : { text, level: `${instance.abstractId}:${levelIndex}` };
  }
}
