import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, GwDocument } from '../../src/core/document.js';
import { rulesById } from '../../rules/index.js';
import { resolveRules } from '../../src/core/config/resolve-rules.js';
import { lintDocument, parseDocument } from '../../src/core/linter.js';
import { marksPairTrivially } from '../../src/core/text/pairs.js';
import { Trigger, blockTriggers, nextDoubled } from '../../src/core/text/trigger-scan.js';
import { corpusFiles, readCorpusFile } from '../helpers/corpus.js';

/** What each trigger stands for, written the slow and obvious way: the scan must agree on every text. */
const REFERENCE: Readonly<Record<keyof typeof Trigger, (text: string) => boolean>> = {
  Year: (text) => text.includes('年'),
  Month: (text) => /[0-9０-９一二三四五六七八九十]月/.test(text),
  NumericDate: (text) => /(?:19|20)[0-9]{2}[.\-/．][0-9]/.test(text),
  MixedNumber: (text) => /[0-9０-９][十百千零〇]|[〇一二三四五六七八九零十百千][0-9０-９]|[0-9][，、][0-9]{3}/.test(text),
  Zuo: (text) => text.includes('左'),
  YearZero: (text) => /[〇一二三四五六七八九][○零OＯ0０]/.test(text),
  Fu: (text) => text.includes('附'),
  Hao: (text) => text.includes('号'),
  // no-placeholder's own pre-checks before the scan took them over.
  Marker: (text) => /[待请此TF]/.test(text),
  Blank: (text) => /[XxＸｘ×【[［]|某某|□□|[○〇][○〇]|[_＿]{3}|[（(〔][ \t\u3000\u00a0]/.test(text) || /[✕✖✗╳…⋯]|什么什么什么|啥啥啥/.test(text),
  // What punctuation-form, enumeration-sequence and punctuation-sequence need to search a block at all.
  CornerQuote: (text) => /[「」『』]/.test(text),
  FormMark: (text) => /[….．\-–－—]/.test(text),
  EnumerationWord: (text) => /[是第其首再最]/.test(text),
  OpeningMark: (text) => /[（“‘《〈〔【［(]/.test(text),
  UnpairedMarks: (text) => !marksPairTrivially(text),
};

/** The first doubled unit of one to four basic Han characters, by a backtracking regex. */
function firstDoubledByRegex(text: string): number {
  return /([\u4e00-\u9fff]{1,4}?)\1/.exec(text)?.index ?? -1;
}

/** The last offset where the backtracking regex finds a doubled unit. */
function lastDoubledByRegex(text: string): number {
  for (let at = text.length - 1; at >= 0; at--) if (/^([\u4e00-\u9fff]{1,4}?)\1/.test(text.slice(at))) return at;
  return -1;
}

function documentOf(texts: readonly string[]): GwDocument {
  const blocks: Block[] = texts.map((text, index) => ({ index, kind: 'paragraph', text, listDepth: 0, quoteDepth: 0, segments: [{ textStart: 0, sourceStart: 0 }] }));
  return { format: 'text', source: texts.join('\n'), blocks, directives: [] };
}

function expectAgreement(texts: readonly string[]): void {
  const triggers = blockTriggers(documentOf(texts));
  texts.forEach((text, index) => {
    for (const [name, holds] of Object.entries(REFERENCE) as [keyof typeof Trigger, (text: string) => boolean][]) {
      expect({ text, name, set: (triggers.masks[index] & Trigger[name]) !== 0 }).toEqual({ text, name, set: holds(text) });
    }
    expect({ text, doubled: triggers.firstDoubled[index], last: triggers.lastDoubled[index] }).toEqual({
      text,
      doubled: firstDoubledByRegex(text),
      last: lastDoubledByRegex(text),
    });
  });
}

/** Characters that make the triggers and doubled units likely in short random texts. */
const ALPHABET = [...'年月左右号附件约一二三四五六七八九十百千零〇○OＯ两的工作研究我们国家，、。：.-/．19200０１２ 3\nABCXx×【[（(〔某□啥什么_＿…\u3000待请此TF「」『』—–－是第其首再最“‘《〈［”’》〉）〕】］)]"\''];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((characters) => characters.join(''));

describe('blockTriggers', () => {
  it('marks the blocks of realistic sentences as each rule asks', () => {
    expectAgreement([
      '二〇二四年五月八日',
      '请于2024.5.8前报送，版本2024-05-08除外。',
      '全年共接待游客3千5百人次，比上年增长1，000人。',
      '参会人员约100人左右。',
      '国办发〔2024〕12号',
      '附件：1.关于做好年度考核工作的方案',
      '我们要进一步进一步加强组织领导，的的确确抓好落实。',
      // A doubled unit of four that holds a doubled character: the unit starts first and is found first.
      '切实转变工作作风工作作风。',
      '各有关单位：现将有关事项通知如下。',
      '二O二四年五月，某某同志在XX市（ ）参加会议___，什么什么什么……',
      '',
    ]);
  });

  it('agrees with the plain searches on random texts', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => expectAgreement(texts)),
      { numRuns: 3000 },
    );
  });

  it('agrees with the plain searches on every block of the published documents', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(100);
    for (const name of files) expectAgreement(parseDocument(readCorpusFile(name), 'text').blocks.map((block) => block.text));
  });

  it('reads a block from the source as from its own text, nothing of the lines around it', () => {
    // Each line a block whose triggers would change if the characters of the next or last line, or the spaces left
    // out at its end, were read with it.
    const lines = ['联系人（ ', '报名截止（\u3000', '截至2024', '.5.8前报送', '某', '某某', '啥啥', '啥', '的', '的确', '工作', '工作', '二', 'O二四年', '___', '_', '1，', '000万元', '3', '千'];
    const sources = [lines.join('\n'), lines.join('\r\n'), ...corpusFiles().map(readCorpusFile)];
    let verbatim = 0;
    for (const document of sources.flatMap((source) => [parseDocument(source, 'text'), parseDocument(source, 'markdown')])) {
      const fromSource = blockTriggers(document);
      verbatim += document.blocks.filter((block) => block.verbatim === true).length;
      expect(blockTriggers(documentOf(document.blocks.map((block) => block.text)))).toEqual(fromSource);
    }
    expect(verbatim).toBeGreaterThan(1000);
  });

  it('scans a document once while it is the last one asked about', () => {
    const first = parseDocument('2024年5月8日\n', 'text');
    const second = parseDocument('参会人员约100人左右\n', 'text');
    const triggers = blockTriggers(first);
    expect(blockTriggers(first)).toBe(triggers);
    expect(blockTriggers(second).masks).toEqual(new Uint16Array([Trigger.Zuo]));
    expect(blockTriggers(first)).not.toBe(triggers);
    expect(blockTriggers(first)).toEqual(triggers);
  });
});

describe('nextDoubled', () => {
  it('finds the doubled units after an offset as the backtracking regex does', () => {
    fc.assert(
      fc.property(text, fc.nat(24), (sample, from) => {
        const start = Math.min(from, sample.length);
        const found = firstDoubledByRegex(sample.slice(start));
        expect(nextDoubled(sample, start)).toBe(found === -1 ? -1 : start + found);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the punctuation rules after the shared scan', () => {
  /** A rule's findings on a draft, linted alone or after attachment-note, which makes the scan the rule then reads. */
  function findings(ruleId: string, draft: string, withScan: boolean): string[] {
    const on = withScan ? ['attachment-note', ruleId] : [ruleId];
    const settings = Object.fromEntries([...rulesById.keys()].map((id) => [id, on.includes(id) ? 'error' : 'off'] as const));
    const rules = resolveRules([...rulesById.values()], [{ source: 'test', rules: settings }]);
    return lintDocument(parseDocument(draft, 'markdown'), { filePath: '通知.md', format: 'markdown', rules }, rulesById)
      .messages.filter((message) => message.ruleId === ruleId)
      .map((message) => `${message.line}:${message.column} ${message.message}`);
  }

  const draft = [
    '关于进一步做好2024年度安全生产工作的通知',
    '',
    '各区县人民政府，市政府各部门：',
    '',
    '一是加强组织领导，三是压实工作责任。首先要统一思想，再次要狠抓落实。',
    '',
    '会议强调了「安全第一」的方针，要求于3-5月完成排查。。。整改期限为2024-2025年。',
    '',
    '（，以下简称“，办法”）请各单位认真执行……',
    '',
    '坚持“以公开为常态、不公开为例外原则，报送时间最迟不超过48小时）。现将《关于印发《工作要点》的通知》转发给你们。',
  ].join('\n');

  for (const ruleId of ['punctuation-form', 'enumeration-sequence', 'punctuation-sequence', 'punctuation-pair']) {
    it(`${ruleId} finds what it finds with its own searches, in a draft and in the published documents`, () => {
      expect(findings(ruleId, draft, true)).toEqual(findings(ruleId, draft, false));
      expect(findings(ruleId, draft, true).length).toBeGreaterThan(0);
      for (const name of corpusFiles()) {
        const text = readCorpusFile(name);
        expect({ name, found: findings(ruleId, text, true) }).toEqual({ name, found: findings(ruleId, text, false) });
      }
    });
  }
});

describe('no-placeholder after the shared scan', () => {
  /** The no-placeholder findings of a draft, linted with no-placeholder alone or after attachment-note, which makes the scan. */
  function blanks(draft: string, withScan: boolean): string[] {
    const on = withScan ? ['attachment-note', 'no-placeholder'] : ['no-placeholder'];
    const settings = Object.fromEntries([...rulesById.keys()].map((id) => [id, on.includes(id) ? 'error' : 'off'] as const));
    const rules = resolveRules([...rulesById.values()], [{ source: 'test', rules: settings }]);
    return lintDocument(parseDocument(draft, 'markdown'), { filePath: '通知.md', format: 'markdown', rules }, rulesById)
      .messages.filter((message) => message.ruleId === 'no-placeholder')
      .map((message) => `${message.line}:${message.column} ${message.message}`);
  }

  it('finds the blanks it finds with its own searches, in drafts full of them and in the published documents', () => {
    const draft = [
      '关于做好20XX年度XX工作的通知',
      '',
      '各区县人民政府，市政府各部门：',
      '',
      '现将某某同志（ ）等___人的情况通报如下，联系电话：0371-XXXXXXXX，此处填写【单位名称】……',
      '',
      '附件：1.关于□□□□的方案（待补充）',
      '',
      '请于X月X日前报送TODO，共计××万元，什么什么什么，啥啥啥，○○县。',
    ].join('\n');
    expect(blanks(draft, true)).toEqual(blanks(draft, false));
    expect(blanks(draft, true).length).toBeGreaterThan(8);
    for (const name of corpusFiles()) {
      const text = readCorpusFile(name);
      expect({ name, found: blanks(text, true) }).toEqual({ name, found: blanks(text, false) });
    }
  });
});
