import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small deterministic PRNG (mulberry32) so the same seed always yields the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Defects planted into paragraphs, so the rules have real work to do. */
const DEFECTS: readonly ((paragraph: string) => string)[] = [
  (p) => p.replace(/\d{4}年/, 'X年'),
  (p) => p.replace('，', '，。'),
  (p) => p.replace('，', ','),
  (p) => p.replace('。', '。。'),
  (p) => `${p.slice(0, Math.floor(p.length / 2))}某某${p.slice(Math.floor(p.length / 2))}`,
  (p) => p.replace('“', ''),
  (p) => p.replace(/。$/, '，'),
];

/** Reads the paragraphs of the source texts: the bundled examples and the shared published documents. */
function loadParagraphs(sources: readonly string[]): string[] {
  const paragraphs: string[] = [];
  for (const directory of sources) {
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!/\.(md|txt)$/.test(name) || name === 'SOURCES.md' || name === 'README.md') continue;
      const text = readFileSync(join(directory, name), 'utf8');
      for (const line of text.split(/\r?\n/)) {
        const trimmed = line.replace(/^[\s\u3000#>*-]+/, '').trim();
        if (trimmed.length >= 20) paragraphs.push(trimmed);
      }
    }
  }
  if (paragraphs.length === 0) throw new Error(`no source text found in ${sources.join(', ')}`);
  return paragraphs;
}

/**
 * Defects of a draft fresh from a template (`--defects heavy`): several per paragraph, each applied
 * everywhere it fits, so a 5 KB draft carries about a hundred findings.
 */
const TEMPLATE_DEFECTS: readonly ((paragraph: string) => string)[] = [
  (p) => p.replace(/\d{4}年/g, 'XXXX年').replace(/\d+月/g, 'X月').replace(/\d+日/g, 'X日'),
  (p) => p.replace(/，/g, ','),
  (p) => p.replace(/；/g, ';').replace(/：/g, ':'),
  (p) => `【单位名称】${p.slice(0, Math.floor(p.length / 3))}某某${p.slice(Math.floor(p.length / 3))}`,
  (p) => p.replace(/([^，。])，/, '$1，，').replace('。', '。。'),
  (p) => p.replace(/。$/, '，'),
  (p) => p.replace(/（/g, '(').replace(/）/g, ')'),
  (p) => p.replace(/\d+(\.\d+)?(万元|亿元|%)/g, 'XX$2'),
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * Markdown syntax for a section of a Markdown-heavy draft: emphasis, a link and inline code in a paragraph,
 * a list, and now and then a table; all of it goes through remark rather than the plain-line reader.
 */
function markdownSection(pick: () => string, next: () => number): string[] {
  const lines = [`**${pick().slice(0, 10)}**，详见[《实施方案》](https://www.example.gov.cn/${Math.floor(next() * 1000)}.html)，编号\`GW-${Math.floor(next() * 100)}\`。`, ''];
  for (let item = 1; item <= 3; item++) lines.push(`- ${pick().slice(0, 30)}`);
  lines.push('');
  if (next() < 0.3) lines.push('| 项目 | 责任单位 | 完成时限 |', '| --- | --- | --- |', `| ${pick().slice(0, 8)} | 县发展改革局 | 2024年6月 |`, '');
  return lines;
}

/**
 * One Markdown draft of about `targetBytes`: a title, numbered sections, paragraphs, some defects; with
 * `markdown`, every section also carries the syntax of markdownSection.
 */
function makeDraft(paragraphs: readonly string[], next: () => number, targetBytes: number, index: number, markdown: boolean, heavy: boolean): string {
  const pick = (): string => paragraphs[Math.floor(next() * paragraphs.length)];
  const lines = heavy
    ? [`# 关于做好XXXX年第X批重点工作的通知`, '', 'XX〔XXXX〕X号', '', '【主送机关】:', '']
    : [`# 关于做好第${index + 1}批重点工作的通知`, '', '各有关单位：', ''];
  let bytes = 0;
  let section = 0;
  while (bytes < targetBytes) {
    const skip = next() < 0.05 ? 1 : 0;
    section = Math.min(section + 1 + skip, NUMERALS.length);
    lines.push(`## ${NUMERALS[section - 1]}、${pick().slice(0, 12)}`, '');
    for (let sub = 1; sub <= 3 && bytes < targetBytes; sub++) {
      let paragraph = pick();
      if (heavy) {
        for (const defect of TEMPLATE_DEFECTS) if (next() < 0.7) paragraph = defect(paragraph);
        // Some Markdown syntax: a bold prompt, so about one paragraph in ten goes through remark.
        if (next() < 0.1) paragraph = `${paragraph.slice(0, 12)}**待补充**${paragraph.slice(12)}`;
      } else if (next() < 0.3) paragraph = DEFECTS[Math.floor(next() * DEFECTS.length)](paragraph);
      // A template's markers come half-width or in the wrong form now and then: (一), 1、
      const marker = heavy && next() < 0.3 ? (next() < 0.5 ? `(${NUMERALS[sub - 1]})` : `${sub}、`) : `（${NUMERALS[sub - 1]}）`;
      lines.push(`${marker}${paragraph}`, '');
      bytes += Buffer.byteLength(paragraph) + 10;
    }
    if (markdown) {
      const extra = markdownSection(pick, next);
      lines.push(...extra);
      bytes += Buffer.byteLength(extra.join('\n'));
    }
    if (section === NUMERALS.length) section = 0;
  }
  if (heavy) lines.push('附件:1.XXXX年度工作台账', '', '【发文机关署名】', '', 'XXXX年X月X日', '');
  else lines.push('某市人民政府办公室', '', '2024年5月10日', '');
  return lines.join('\n');
}

export interface CorpusOptions {
  directory: string;
  files: number;
  bytesPerFile: number;
  seed: number;
  sources: readonly string[];
  /** Every section with lists, emphasis, links and tables (see markdownSection). */
  markdown?: boolean;
  /** Drafts as they come from a template: blanks, half-width marks and wrong markers throughout (TEMPLATE_DEFECTS). */
  heavy?: boolean;
}

/** Writes the corpus (replacing the directory) and returns its total size in bytes. */
export function generateCorpus(options: CorpusOptions): number {
  const paragraphs = loadParagraphs(options.sources);
  const next = random(options.seed);
  rmSync(options.directory, { recursive: true, force: true });
  let total = 0;
  for (let i = 0; i < options.files; i++) {
    const folder = join(options.directory, `d${String(Math.floor(i / 100)).padStart(3, '0')}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const draft = makeDraft(paragraphs, next, options.bytesPerFile, i, options.markdown === true, options.heavy === true);
    const path = join(folder, `draft-${String(i).padStart(5, '0')}.md`);
    writeFileSync(path, draft);
    total += statSync(path).size;
  }
  return total;
}
