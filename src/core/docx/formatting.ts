/**
 * Effective formatting as Word resolves it, for the layout rules. Run properties: document defaults
 * (`w:docDefaults`), the paragraph style and its `w:basedOn` chain, the character style chain, then direct
 * formatting, each attribute of `w:rFonts` and `w:ind` merged on its own. Paragraph properties: defaults,
 * style chain, the numbering level's own (indents of numbered paragraphs come from numbering.xml), direct.
 * Theme fonts (`w:eastAsiaTheme="minorEastAsia"`) are looked up in the theme part. Section properties give
 * the page, margins, document grid and the header and footer parts.
 */
import type { DocxPackage } from './package.js';
import { childElements, firstChild, writtenMarkup, type XmlElement } from './xml.js';

/** What the layout rules ask of a run; undefined where no level of the chain says anything. */
export interface RunFormat {
  /** The face used for Chinese characters (the `w:eastAsia` font, theme fonts resolved). */
  readonly eastAsiaFont?: string;
  /** The face used for Latin letters and digits (`w:ascii`). */
  readonly asciiFont?: string;
  /** In half-points (`w:sz`): 32 is 16 pt, 三号. */
  readonly sizeHalfPoints?: number;
  readonly bold: boolean;
  /** `auto` or six hex digits, upper case. */
  readonly color?: string;
}

export interface ParagraphFormat {
  readonly styleId?: string;
  /** `w:jc`: left/start, center, right/end, both, distribute. */
  readonly alignment?: string;
  /** First-line indent in twips (negative for a hanging indent). */
  readonly firstLineTwips?: number;
  /** First-line indent in hundredths of a character (`w:firstLineChars`), which Word prefers when present. */
  readonly firstLineChars?: number;
  readonly leftTwips?: number;
  readonly leftChars?: number;
  readonly rightTwips?: number;
  /** `w:spacing`: line in 240ths of a line (`auto`) or twips (`exact`, `atLeast`). */
  readonly line?: number;
  readonly lineRule?: string;
  readonly beforeTwips?: number;
  readonly afterTwips?: number;
}

export interface SectionFormat {
  readonly pageWidthTwips?: number;
  readonly pageHeightTwips?: number;
  readonly marginTopTwips?: number;
  readonly marginBottomTwips?: number;
  readonly marginLeftTwips?: number;
  readonly marginRightTwips?: number;
  readonly gutterTwips?: number;
  /** `w:docGrid`: type (`lines`, `linesAndChars`, `snapToChars`), line pitch in twips, character spacing in 1/4096 pt. */
  readonly gridType?: string;
  readonly gridLinePitch?: number;
  readonly gridCharSpace?: number;
  /** Part names of the headers and footers by type (`default`, `even`, `first`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly footers: Readonly<Record<string, string>>;
  /** `w:titlePg`: the first page has its own header and footer. */
  readonly titlePage: boolean;
}

export interface RunWithFormat {
  readonly text: string;
  readonly format: RunFormat;
}

type Properties = Record<string, string>;

/** A flat view of one level's run properties: `rFonts.eastAsia`, `sz`, `b`, `color`… */
function runProperties(rPr: XmlElement | undefined, theme: ThemeFonts): Properties {
  const flat: Properties = {};
  if (!rPr) return flat;
  for (const child of childElements(rPr)) {
    switch (child.name) {
      case 'w:rFonts': {
        const { attributes } = child;
        // A theme font wins over the explicit face of the same level, as in Word.
        const eastAsia = attributes['w:eastAsiaTheme'] !== undefined ? theme.font(attributes['w:eastAsiaTheme']) : attributes['w:eastAsia'];
        const ascii = attributes['w:asciiTheme'] !== undefined ? theme.font(attributes['w:asciiTheme']) : attributes['w:ascii'];
        if (eastAsia !== undefined) flat.eastAsia = eastAsia;
        if (ascii !== undefined) flat.ascii = ascii;
        break;
      }
      case 'w:sz':
      case 'w:color':
        if (child.attributes['w:val'] !== undefined) flat[child.name.slice(2)] = child.attributes['w:val'];
        break;
      case 'w:b':
        flat.b = isOn(child) ? '1' : '0';
        break;
      default:
        break;
    }
  }
  return flat;
}

/** A toggle or on/off property: present without `w:val`, or with a true value. */
function isOn(element: XmlElement): boolean {
  const value = element.attributes['w:val'];
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

function paragraphProperties(pPr: XmlElement | undefined): Properties {
  const flat: Properties = {};
  if (!pPr) return flat;
  const pick = (element: XmlElement | undefined, names: readonly string[]): void => {
    if (!element) return;
    for (const name of names) if (element.attributes[`w:${name}`] !== undefined) flat[name] = element.attributes[`w:${name}`];
  };
  const jc = firstChild(pPr, 'w:jc');
  if (jc?.attributes['w:val'] !== undefined) flat.jc = jc.attributes['w:val'];
  const ind = firstChild(pPr, 'w:ind');
  if (ind) {
    pick(ind, ['firstLine', 'firstLineChars', 'hanging', 'hangingChars', 'left', 'leftChars', 'start', 'startChars', 'right', 'rightChars', 'end']);
    // Word gives the *Chars form precedence; a firstLine given again at a later level replaces a hanging one.
    if (ind.attributes['w:firstLine'] !== undefined || ind.attributes['w:firstLineChars'] !== undefined) {
      if (ind.attributes['w:hanging'] === undefined) delete flat.hanging;
      if (ind.attributes['w:hangingChars'] === undefined) delete flat.hangingChars;
    }
    if (ind.attributes['w:hanging'] !== undefined || ind.attributes['w:hangingChars'] !== undefined) {
      if (ind.attributes['w:firstLine'] === undefined) delete flat.firstLine;
      if (ind.attributes['w:firstLineChars'] === undefined) delete flat.firstLineChars;
    }
  }
  pick(firstChild(pPr, 'w:spacing'), ['line', 'lineRule', 'before', 'after']);
  return flat;
}

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** The theme's major and minor East Asian and Latin faces. */
class ThemeFonts {
  private readonly faces = new Map<string, string>();

  constructor(theme: XmlElement | undefined) {
    const scheme = theme && findDescendant(theme, 'a:fontScheme');
    if (!scheme) return;
    for (const [kind, name] of [
      ['major', 'a:majorFont'],
      ['minor', 'a:minorFont'],
    ] as const) {
      const font = firstChild(scheme, name);
      if (!font) continue;
      // An empty `a:ea` means "by script": Simplified Chinese is `Hans`.
      const ea = firstChild(font, 'a:ea')?.attributes.typeface || childElements(font, 'a:font').find((entry) => entry.attributes.script === 'Hans')?.attributes.typeface;
      const latin = firstChild(font, 'a:latin')?.attributes.typeface;
      if (ea) this.faces.set(`${kind}EastAsia`, ea);
      if (latin) {
        this.faces.set(`${kind}HAnsi`, latin);
        this.faces.set(`${kind}Ascii`, latin);
      }
    }
  }

  /** `minorEastAsia` → the theme's face; the theme name itself when the theme does not say. */
  font(themeName: string): string {
    return this.faces.get(themeName) ?? themeName;
  }
}

function findDescendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    if (child.name === name) return child;
    const found = findDescendant(child, name);
    if (found) return found;
  }
  return undefined;
}

const MAX_STYLE_CHAIN = 16;

/** Resolves effective run, paragraph and section formatting of one package. */
export class FormattingResolver {
  private readonly styles = new Map<string, XmlElement>();
  private readonly defaultParagraphStyle: string | undefined;
  private readonly theme: ThemeFonts;
  private readonly defaultRun: Properties;
  private readonly defaultParagraph: Properties;
  private readonly numberingLevels = new Map<string, XmlElement>();
  private readonly relationships: ReadonlyMap<string, string>;
  private readonly styledRuns = new Map<string, Properties>();
  /** By paragraph style, then by the `w:rPr` as written. */
  private readonly runFormats = new Map<string, Map<string, RunFormat>>();
  private lastParagraph: XmlElement | undefined;
  private lastParagraphStyle: string | undefined;
  private sectionList: readonly SectionFormat[] | undefined;
  private readonly paragraphFormats = new Map<string, ParagraphFormat>();
  /** `w:evenAndOddHeaders` in settings: even pages use the `even` header and footer. */
  readonly evenAndOddHeaders: boolean;

  constructor(private readonly pkg: DocxPackage) {
    const documentRelationships = pkg.relationships(pkg.mainDocument);
    const partOf = (type: string): string | undefined => documentRelationships.find((relationship) => relationship.type.endsWith(`/${type}`) && !relationship.external)?.target;
    this.relationships = new Map(documentRelationships.map((relationship) => [relationship.id, relationship.target]));
    const themePart = partOf('theme');
    this.theme = new ThemeFonts(themePart ? pkg.xml(themePart) : undefined);
    const stylesPart = partOf('styles');
    const styles = stylesPart ? pkg.xml(stylesPart) : undefined;
    let defaultParagraphStyle: string | undefined;
    const docDefaults = styles && firstChild(styles, 'w:docDefaults');
    this.defaultRun = runProperties(firstChild(firstChild(docDefaults ?? emptyElement, 'w:rPrDefault') ?? emptyElement, 'w:rPr'), this.theme);
    this.defaultParagraph = paragraphProperties(firstChild(firstChild(docDefaults ?? emptyElement, 'w:pPrDefault') ?? emptyElement, 'w:pPr'));
    for (const style of styles ? childElements(styles, 'w:style') : []) {
      const id = style.attributes['w:styleId'];
      if (id === undefined) continue;
      this.styles.set(`${style.attributes['w:type'] ?? 'paragraph'}:${id}`, style);
      if (style.attributes['w:type'] === 'paragraph' && ['1', 'true'].includes(style.attributes['w:default'] ?? '')) defaultParagraphStyle = id;
    }
    this.defaultParagraphStyle = defaultParagraphStyle;
    const numberingPart = partOf('numbering');
    const numbering = numberingPart ? pkg.xml(numberingPart) : undefined;
    if (numbering) {
      const abstracts = new Map(childElements(numbering, 'w:abstractNum').map((abstract) => [abstract.attributes['w:abstractNumId'] ?? '', abstract]));
      for (const num of childElements(numbering, 'w:num')) {
        const abstract = abstracts.get(firstChild(num, 'w:abstractNumId')?.attributes['w:val'] ?? '');
        for (const level of abstract ? childElements(abstract, 'w:lvl') : []) this.numberingLevels.set(`${num.attributes['w:numId']}:${level.attributes['w:ilvl']}`, level);
      }
    }
    const settingsPart = partOf('settings');
    const settings = settingsPart ? pkg.xml(settingsPart) : undefined;
    const evenAndOdd = settings && firstChild(settings, 'w:evenAndOddHeaders');
    this.evenAndOddHeaders = evenAndOdd !== undefined && isOn(evenAndOdd);
  }

  /** A style and its `w:basedOn` ancestors, the root first; a loop or a missing style ends the chain. */
  private styleChain(type: 'paragraph' | 'character', styleId: string | undefined): XmlElement[] {
    const chain: XmlElement[] = [];
    const seen = new Set<string>();
    for (let id = styleId; id !== undefined && !seen.has(id) && chain.length < MAX_STYLE_CHAIN; ) {
      seen.add(id);
      const style = this.styles.get(`${type}:${id}`);
      if (!style) break;
      chain.unshift(style);
      id = firstChild(style, 'w:basedOn')?.attributes['w:val'];
    }
    return chain;
  }

  private paragraphStyleId(paragraph: XmlElement): string | undefined {
    // Asked for each run of a paragraph in turn; without a `w:pPr`, finding none means looking at every run.
    if (paragraph !== this.lastParagraph) {
      this.lastParagraph = paragraph;
      this.lastParagraphStyle = firstChild(firstChild(paragraph, 'w:pPr') ?? emptyElement, 'w:pStyle')?.attributes['w:val'] ?? this.defaultParagraphStyle;
    }
    return this.lastParagraphStyle;
  }

  /**
   * The effective formatting of a run of `paragraph` with direct properties `rPr`. Given the part both are in,
   * the result is remembered by the paragraph style and the properties as written: a draft repeats a few
   * `w:rPr` thousands of times, and within one part (Word declares the namespaces once, on its root) those
   * written alike resolve alike.
   */
  runFormat(paragraph: XmlElement, rPr: XmlElement | undefined, partName?: string): RunFormat {
    const styleId = this.paragraphStyleId(paragraph);
    const written = partName === undefined ? undefined : rPr ? writtenMarkup(rPr) : '';
    if (written === undefined) return this.resolveRunFormat(styleId, rPr);
    let formats = this.runFormats.get(styleId ?? '');
    if (formats === undefined) {
      formats = new Map();
      this.runFormats.set(styleId ?? '', formats);
    }
    let format = formats.get(written);
    if (format === undefined) {
      format = this.resolveRunFormat(styleId, rPr);
      formats.set(written, format);
    }
    return format;
  }

  private resolveRunFormat(paragraphStyle: string | undefined, rPr: XmlElement | undefined): RunFormat {
    const characterStyle = rPr && firstChild(rPr, 'w:rStyle')?.attributes['w:val'];
    const merged: Properties = { ...this.styledRun(paragraphStyle, characterStyle), ...runProperties(rPr, this.theme) };
    return {
      ...(merged.eastAsia === undefined ? {} : { eastAsiaFont: merged.eastAsia }),
      ...(merged.ascii === undefined ? {} : { asciiFont: merged.ascii }),
      ...(merged.sz === undefined ? {} : { sizeHalfPoints: Number(merged.sz) }),
      bold: merged.b === '1',
      ...(merged.color === undefined ? {} : { color: merged.color.toUpperCase() === 'AUTO' ? 'auto' : merged.color.toUpperCase() }),
    };
  }

  /** Run properties of the defaults and both style chains, merged once per pair of styles: drafts have few. */
  private styledRun(paragraphStyle: string | undefined, characterStyle: string | undefined): Properties {
    const key = `${paragraphStyle ?? ''}\u0000${characterStyle ?? ''}`;
    const cached = this.styledRuns.get(key);
    if (cached) return cached;
    const merged: Properties = { ...this.defaultRun };
    for (const style of this.styleChain('paragraph', paragraphStyle)) Object.assign(merged, runProperties(firstChild(style, 'w:rPr'), this.theme));
    for (const style of this.styleChain('character', characterStyle)) Object.assign(merged, runProperties(firstChild(style, 'w:rPr'), this.theme));
    this.styledRuns.set(key, merged);
    return merged;
  }

  /**
   * The effective paragraph properties, the numbering level's indents included. Given the paragraph's part,
   * the result is remembered by the paragraph style and the `w:pPr` as written (see runFormat).
   */
  paragraphFormat(paragraph: XmlElement, partName?: string): ParagraphFormat {
    const styleId = this.paragraphStyleId(paragraph);
    const direct = firstChild(paragraph, 'w:pPr');
    const written = partName === undefined ? undefined : direct ? writtenMarkup(direct) : '';
    if (written === undefined) return this.resolveParagraphFormat(paragraph, styleId);
    const key = `${styleId ?? ''}\u0000${written}`;
    let format = this.paragraphFormats.get(key);
    if (format === undefined) {
      format = this.resolveParagraphFormat(paragraph, styleId);
      this.paragraphFormats.set(key, format);
    }
    return format;
  }

  private resolveParagraphFormat(paragraph: XmlElement, styleId: string | undefined): ParagraphFormat {
    const merged: Properties = { ...this.defaultParagraph };
    const chain = this.styleChain('paragraph', styleId);
    let numPr: XmlElement | undefined;
    for (const style of chain) {
      const pPr = firstChild(style, 'w:pPr');
      Object.assign(merged, paragraphProperties(pPr));
      numPr = (pPr && firstChild(pPr, 'w:numPr')) ?? numPr;
    }
    const direct = firstChild(paragraph, 'w:pPr');
    numPr = (direct && firstChild(direct, 'w:numPr')) ?? numPr;
    const numId = numPr && firstChild(numPr, 'w:numId')?.attributes['w:val'];
    if (numId !== undefined && numId !== '0') {
      const ilvl = (numPr && firstChild(numPr, 'w:ilvl')?.attributes['w:val']) ?? '0';
      const level = this.numberingLevels.get(`${numId}:${ilvl}`);
      Object.assign(merged, paragraphProperties(level && firstChild(level, 'w:pPr')));
    }
    Object.assign(merged, paragraphProperties(direct));
    const hanging = toNumber(merged.hanging);
    const hangingChars = toNumber(merged.hangingChars);
    return {
      ...(styleId === undefined ? {} : { styleId }),
      ...(merged.jc === undefined ? {} : { alignment: merged.jc }),
      ...optional('firstLineTwips', hanging !== undefined ? -hanging : toNumber(merged.firstLine)),
      ...optional('firstLineChars', hangingChars !== undefined ? -hangingChars : toNumber(merged.firstLineChars)),
      ...optional('leftTwips', toNumber(merged.left ?? merged.start)),
      ...optional('leftChars', toNumber(merged.leftChars ?? merged.startChars)),
      ...optional('rightTwips', toNumber(merged.right ?? merged.end)),
      ...optional('line', toNumber(merged.line)),
      ...(merged.lineRule === undefined ? {} : { lineRule: merged.lineRule }),
      ...optional('beforeTwips', toNumber(merged.before)),
      ...optional('afterTwips', toNumber(merged.after)),
    };
  }

  /**
   * The visible runs of a paragraph with their formatting: text of `w:t` (not deleted text or field codes),
   * tabs as `\t`. Runs inside hyperlinks, insertions, smart tags and content controls count as the paragraph's.
   */
  runs(paragraph: XmlElement): RunWithFormat[] {
    const found: RunWithFormat[] = [];
    const visit = (element: XmlElement): void => {
      for (const child of element.children) {
        if (child.type !== 'element') continue;
        if (child.name === 'w:r') {
          let text = '';
          for (const part of child.children) {
            if (part.type !== 'element') continue;
            if (part.name === 'w:t') text += part.children.map((node) => (node.type === 'text' ? node.text : '')).join('');
            else if (part.name === 'w:tab') text += '\t';
          }
          if (text !== '') found.push({ text, format: this.runFormat(paragraph, firstChild(child, 'w:rPr')) });
        } else if (!['w:pPr', 'w:del', 'w:moveFrom', 'w:rPr'].includes(child.name)) {
          visit(child);
        }
      }
    };
    visit(paragraph);
    return found;
  }

  /** The sections of the main document in order: each paragraph-level `w:sectPr`, then the body's last one. */
  sections(): readonly SectionFormat[] {
    // Two layout rules ask; the body is walked once.
    this.sectionList ??= this.findSections();
    return this.sectionList;
  }

  private findSections(): SectionFormat[] {
    const document = this.pkg.xml(this.pkg.mainDocument);
    const body = document && firstChild(document, 'w:body');
    if (!body) return [];
    const found: SectionFormat[] = [];
    const visit = (element: XmlElement): void => {
      for (const child of element.children) {
        if (child.type !== 'element') continue;
        if (child.name === 'w:sectPr') found.push(this.section(child));
        else if (child.name === 'w:p' || child.name === 'w:pPr' || child.name === 'w:tbl' || child.name === 'w:tr' || child.name === 'w:tc' || child.name === 'w:sdt' || child.name === 'w:sdtContent') visit(child);
      }
    };
    visit(body);
    return found;
  }

  private section(sectPr: XmlElement): SectionFormat {
    const size = firstChild(sectPr, 'w:pgSz')?.attributes ?? {};
    const margins = firstChild(sectPr, 'w:pgMar')?.attributes ?? {};
    const grid = firstChild(sectPr, 'w:docGrid')?.attributes ?? {};
    const references = (name: string): Record<string, string> => {
      const byType: Record<string, string> = {};
      for (const reference of childElements(sectPr, name)) {
        const target = this.relationships.get(reference.attributes['r:id'] ?? '');
        if (target !== undefined) byType[reference.attributes['w:type'] ?? 'default'] = target;
      }
      return byType;
    };
    const titlePage = firstChild(sectPr, 'w:titlePg');
    return {
      ...optional('pageWidthTwips', toNumber(size['w:w'])),
      ...optional('pageHeightTwips', toNumber(size['w:h'])),
      ...optional('marginTopTwips', toNumber(margins['w:top'])),
      ...optional('marginBottomTwips', toNumber(margins['w:bottom'])),
      ...optional('marginLeftTwips', toNumber(margins['w:left'])),
      ...optional('marginRightTwips', toNumber(margins['w:right'])),
      ...optional('gutterTwips', toNumber(margins['w:gutter'])),
      ...(grid['w:type'] === undefined ? {} : { gridType: grid['w:type'] }),
      ...optional('gridLinePitch', toNumber(grid['w:linePitch'])),
      ...optional('gridCharSpace', toNumber(grid['w:charSpace'])),
      headers: references('w:headerReference'),
      footers: references('w:footerReference'),
      titlePage: titlePage !== undefined && isOn(titlePage),
    };
  }

  /** The size of the document's default (body) font in half-points: the base of the character grid. */
  get defaultSizeHalfPoints(): number | undefined {
    return toNumber(this.defaultRun.sz);
  }
}

const emptyElement: XmlElement = { type: 'element', name: '', attributes: {}, children: [], start: 0, end: 0, contentStart: 0, contentEnd: 0 };

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

/** 1 mm in twips (1/1440 inch). */
export const TWIPS_PER_MM = 1440 / 25.4;
