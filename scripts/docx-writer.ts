/**
 * Writes small, valid Word packages from paragraphs: for the bench's Word corpus and the bundled example
 * draft. It writes what Word itself writes for plain drafts (styles with 仿宋 三号 as the body face, runs
 * with their own properties, text split over several runs as editing sessions leave it), nothing more.
 */
import { strToU8, zipSync } from 'fflate';

export interface RunSpec {
  readonly text: string;
  /** Inner XML of the run's `w:rPr`. */
  readonly properties?: string;
  /** A simple field's instruction (`PAGE`): the run is written as the field's current result. */
  readonly field?: string;
}

export interface ParagraphSpec {
  readonly runs: readonly (string | RunSpec)[];
  /** Inner XML of the paragraph's `w:pPr`. */
  readonly properties?: string;
}

export interface DocxSpec {
  readonly paragraphs: readonly (string | ParagraphSpec)[];
  /** Paragraphs of a footer, when the draft has one. */
  readonly footer?: readonly (string | ParagraphSpec)[];
  /** Split every run of text into pieces of about this many characters, as Word's editing sessions do. */
  readonly splitRunsEvery?: number;
  /** A picture stored in the package (`word/media/image1.png`), as the drafts that run to megabytes carry. */
  readonly picture?: Uint8Array;
}

const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const BODY_RUN = '<w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/>';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function runXml(run: RunSpec): string {
  const space = /^\s|\s$/.test(run.text) ? ' xml:space="preserve"' : '';
  const xml = `<w:r><w:rPr>${run.properties ?? BODY_RUN}</w:rPr><w:t${space}>${escapeXml(run.text)}</w:t></w:r>`;
  return run.field === undefined ? xml : `<w:fldSimple w:instr=" ${escapeXml(run.field)} ">${xml}</w:fldSimple>`;
}

function splitRun(run: RunSpec, every: number | undefined): RunSpec[] {
  if (!every || run.text.length <= every) return [run];
  const pieces: RunSpec[] = [];
  // Uneven but deterministic cuts: a cut every `every` characters, give or take a third.
  for (let start = 0, step = 0; start < run.text.length; step++) {
    const length = Math.max(1, every + ((step * 7) % 5) - 2);
    pieces.push({ ...run, text: run.text.slice(start, start + length) });
    start += length;
  }
  return pieces;
}

function paragraphXml(paragraph: string | ParagraphSpec, splitEvery: number | undefined): string {
  const spec: ParagraphSpec = typeof paragraph === 'string' ? { runs: [paragraph] } : paragraph;
  const runs = spec.runs.flatMap((run) => splitRun(typeof run === 'string' ? { text: run } : run, splitEvery));
  const properties = spec.properties === undefined ? '' : `<w:pPr>${spec.properties}</w:pPr>`;
  return `<w:p>${properties}${runs.map(runXml).join('')}</w:p>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W_NAMESPACE}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style></w:styles>`;

/** A Word package holding the paragraphs (and footer) of `spec`. Deterministic: the same spec, the same bytes. */
export function buildDocx(spec: DocxSpec): Uint8Array {
  const body = spec.paragraphs.map((paragraph) => paragraphXml(paragraph, spec.splitRunsEvery)).join('');
  const footerReference = spec.footer ? `<w:footerReference w:type="default" r:id="rId3"/>` : '';
  const section = `<w:sectPr>${footerReference}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1304" w:gutter="0"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr>`;
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>${spec.footer ? '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' : ''}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIP_TYPE}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W_NAMESPACE}" xmlns:r="${R_NAMESPACE}"><w:body>${body}${section}</w:body></w:document>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${RELATIONSHIP_TYPE}/styles" Target="styles.xml"/>${spec.footer ? `<Relationship Id="rId3" Type="${RELATIONSHIP_TYPE}/footer" Target="footer1.xml"/>` : ''}</Relationships>`,
    'word/styles.xml': STYLES,
  };
  if (spec.footer) {
    files['word/footer1.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="${W_NAMESPACE}" xmlns:r="${R_NAMESPACE}">${spec.footer.map((paragraph) => paragraphXml(paragraph, undefined)).join('')}</w:ftr>`;
  }
  // A fixed timestamp keeps the bytes reproducible.
  const mtime = new Date('2026-01-01T00:00:00Z');
  const entries: Record<string, [Uint8Array, { mtime: Date; level?: 0 }]> = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]]));
  // Pictures are stored, not deflated, as Word does for already compressed images.
  if (spec.picture) entries['word/media/image1.png'] = [spec.picture, { mtime, level: 0 }];
  return zipSync(entries, { level: 6 });
}

/** A draft's lines as Word paragraphs: Markdown heading marks dropped, blank lines left out as Word users do. */
export function paragraphsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^#+\s*/, ''))
    .filter((line) => line.trim() !== '');
}
