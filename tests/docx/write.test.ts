import { describe, expect, it } from 'vitest';
import { blockChangeFor, fixDocx } from '../../src/core/docx/fix-docx.js';
import { writeDocx } from '../../src/core/docx/write.js';
import { readZipDirectory } from '../../src/core/docx/zip.js';
import { parseDocx } from '../../src/core/parse/docx.js';
import { abstractNum, buildDocx, complexField, deleted, inserted, num, numbered, paragraph, run, splitParagraph, textBox } from '../fixtures/docx/build.js';
import { lintWord, partText, rejectAll } from './helpers.js';

const DATE = new Date('2026-12-01T08:00:00.000Z');
const BOLD = '<w:b/><w:rFonts w:eastAsia="黑体"/>';

/** A draft whose fixable problems sit across runs with different formatting. */
const draft = buildDocx({
  body:
    splitParagraph(['关于做好2024年度安全生产工作的通知']) +
    paragraph(run('全县完成固定资产投资', BOLD) + run(',') + run('同比增长8.5%。') + run('。', BOLD)) +
    paragraph('') +
    paragraph(run('坚持问题导向.') + run('..推进隐患排查整治', BOLD) + run('，确保取得实效。')) +
    splitParagraph(['请各单位认真贯彻落实。']),
  footers: [splitParagraph(['— 1 —'])],
});

function visibleTexts(bytes: Uint8Array): string[] {
  return parseDocx(bytes).blocks.map((block) => block.text);
}

const FIXED_TEXTS = ['关于做好2024年度安全生产工作的通知', '全县完成固定资产投资，同比增长8.5%。', '', '坚持问题导向……推进隐患排查整治，确保取得实效。', '请各单位认真贯彻落实。', '— 1 —'];

function fix(bytes: Uint8Array, revisions: boolean) {
  return fixDocx(bytes, { parse: parseDocx, lint: lintWord, revisions, date: DATE });
}

/** Every zip entry but the named ones must be byte for byte what it was. */
function expectUntouchedExcept(before: Uint8Array, after: Uint8Array, changed: readonly string[]): void {
  const original = readZipDirectory(before).entries;
  const written = readZipDirectory(after).entries;
  for (const entry of original) {
    const copy = written.find((candidate) => candidate.name === entry.name);
    expect(copy, entry.name).toBeDefined();
    if (changed.includes(entry.name)) continue;
    expect(copy!.localRecord, entry.name).toEqual(entry.localRecord);
  }
  expect(written.slice(0, original.length).map((entry) => entry.name)).toEqual(original.map((entry) => entry.name));
}

describe('fixDocx, direct edits', () => {
  const fixed = fix(draft, false);

  it('fixes marks split across runs and leaves no fixable finding', () => {
    expect(visibleTexts(fixed.bytes)).toEqual(FIXED_TEXTS);
    expect(fixed.result.messages.filter((message) => message.fix)).toEqual([]);
    expect(fixed.fixed.map((message) => message.ruleId).sort()).toEqual(['punctuation-form', 'punctuation-sequence', 'punctuation-width']);
    expect(fixed.refused).toEqual([]);
  });

  it('changes only the text of the touched runs: the rest of document.xml and every other entry stay as they were', () => {
    expectUntouchedExcept(draft, fixed.bytes, ['word/document.xml']);
    const before = partText(draft, 'word/document.xml');
    const after = partText(fixed.bytes, 'word/document.xml');
    const withoutText = (xml: string): string => xml.replace(/<w:t( xml:space="preserve")?>[^<]*<\/w:t>/g, '<w:t/>');
    expect(withoutText(after)).toBe(withoutText(before));
    expect(after).toContain(`<w:r><w:rPr>${BOLD}</w:rPr><w:t xml:space="preserve"></w:t></w:r>`);
  });

  it('writes nothing when there is nothing to fix', () => {
    const again = fix(fixed.bytes, false);
    expect(again.bytes).toBe(fixed.bytes);
    expect(again.fixed).toEqual([]);
  });
});

describe('fixDocx, tracked changes', () => {
  const tracked = fix(draft, true);

  it('after "accept all" the text is the directly fixed text', () => {
    // The reader shows inserted text and hides deleted text: what Word shows after accepting every change.
    expect(visibleTexts(tracked.bytes)).toEqual(FIXED_TEXTS);
    expect(tracked.result.messages.filter((message) => message.fix)).toEqual([]);
  });

  it('after "reject all" the text is the original', () => {
    expect(visibleTexts(rejectAll(tracked.bytes))).toEqual(visibleTexts(draft));
  });

  it('stamps each change with author, date and a unique id, and repeats the run properties on every piece', () => {
    const xml = partText(tracked.bytes, 'word/document.xml');
    const marks = [...xml.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="gongwen-lint" w:date="2026-12-01T08:00:00Z">/g)];
    expect(marks.map((mark) => mark[1]).sort()).toEqual(['del', 'del', 'del', 'del', 'ins', 'ins']);
    expect(new Set(marks.map((mark) => mark[2])).size).toBe(marks.length);
    // `..` of the bold run deleted: the deleted piece keeps the bold properties, the rest of the run too.
    expect(xml).toContain(`<w:r><w:rPr>${BOLD}</w:rPr><w:delText>..</w:delText></w:r></w:del><w:r><w:rPr>${BOLD}</w:rPr><w:t>推进隐患排查整治</w:t></w:r>`);
    const revisions = parseDocx(tracked.bytes).docx?.revisions ?? [];
    expect(revisions.every((revision) => revision.author === 'gongwen-lint')).toBe(true);
    expectUntouchedExcept(draft, tracked.bytes, ['word/document.xml']);
  });
});

describe('fixDocx: what it must not touch', () => {
  it('leaves a fix in a field result, across a deleted revision, or of an automatic number as a finding, with the reason', () => {
    const bytes = buildDocx({
      numbering: abstractNum(1, [{ level: 0, format: 'chineseCounting', text: '(%1)' }]) + num(1, 1),
      body:
        paragraph(complexField('REF 目标 \\h', '全县完成投资,同比增长')) +
        paragraph(run('坚持问题导向.') + deleted(7, '张三', '原则上') + run('..推进工作')) +
        numbered(1, 0, run('工作目标')) +
        paragraph(run('落实责任,压实担子')),
    });
    const fixed = fix(bytes, false);
    expect(visibleTexts(fixed.bytes)).toEqual(['全县完成投资,同比增长', '坚持问题导向...推进工作', '（一）工作目标'.replace('（一）', '(一)'), '落实责任，压实担子']);
    expect(fixed.refused.map((refusal) => [refusal.message.ruleId, refusal.reason]).sort()).toEqual([
      ['punctuation-form', 'deleted-revision'],
      ['punctuation-width', 'field'],
      // `(一)` of the automatic number is one finding, section-numbering's (one finding per problem).
      ['section-numbering', 'numbering'],
    ]);
    expect(fixed.refused.every((refusal) => refusal.explanation.length > 0)).toBe(true);
    expect(partText(fixed.bytes, 'word/document.xml')).toContain('<w:instrText xml:space="preserve">REF 目标 \\h</w:instrText>');
  });

  it('edits inside its own earlier insertion directly, but never inside someone else’s, tracked or not', () => {
    const bytes = buildDocx({ body: paragraph(run('全县完成投资') + inserted(3, '李四', ',同比增长')) });
    for (const revisions of [true, false]) {
      const fixed = fix(bytes, revisions);
      expect(fixed.refused.map((refusal) => refusal.reason)).toEqual(['other-insertion']);
      expect(visibleTexts(fixed.bytes)).toEqual(['全县完成投资,同比增长']);
    }
    const own = buildDocx({ body: paragraph(run('全县完成投资') + inserted(3, 'gongwen-lint', ',同比增长')) });
    expect(visibleTexts(fix(own, false).bytes)).toEqual(['全县完成投资，同比增长']);
  });
});

describe('writeDocx comments', () => {
  it('anchors one comment per finding on its exact span, across runs, creating comments.xml with its relationship and content type', () => {
    const document = parseDocx(draft);
    const findings = lintWord(document).messages;
    const comments = findings.map((message) => {
      const block = document.blocks.find((candidate) => candidate.docx?.part === 'body' && candidate.docx.paragraph === message.line)!;
      return { block, start: message.column - 1, end: message.endColumn - 1, paragraphs: [message.message, `规则：${message.ruleId}`] };
    });
    const written = writeDocx(draft, document, { comments, date: DATE });
    const reread = parseDocx(written.bytes);
    expect(reread.blocks.map((block) => block.text)).toEqual(document.blocks.map((block) => block.text));
    expect(reread.docx?.comments.map((comment) => [comment.block.index, comment.start, comment.end, comment.author, comment.text])).toEqual(
      comments.map((comment) => [comment.block.index, comment.start, comment.end, 'gongwen-lint', comment.paragraphs.join('\n')]),
    );
    expect(partText(written.bytes, 'word/_rels/document.xml.rels')).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"/);
    expect(partText(written.bytes, '[Content_Types].xml')).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    expectUntouchedExcept(draft, written.bytes, ['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']);
    // The runs split for the anchors keep their formatting.
    const xml = partText(written.bytes, 'word/document.xml');
    expect(xml.match(/<w:commentRangeStart w:id="\d+"\/>/g)).toHaveLength(comments.length);
    expect(xml.match(/<w:commentReference w:id="\d+"\/>/g)).toHaveLength(comments.length);
  });

  it('appends to an existing comments part with ids that do not collide', () => {
    const bytes = buildDocx({
      body: paragraph('<w:commentRangeStart w:id="0"/>' + run('请于X月X日前报送。') + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'),
      comments: [{ id: 0, author: '王五', text: '日期待定' }],
    });
    const document = parseDocx(bytes);
    const written = writeDocx(bytes, document, { comments: [{ block: document.blocks[0], start: 2, end: 6, paragraphs: ['“X月X日”疑似未填写的占位符'] }], date: DATE });
    const reread = parseDocx(written.bytes);
    expect(reread.docx?.comments.map((comment) => [comment.author, comment.text, comment.start, comment.end])).toEqual([
      ['王五', '日期待定', 0, 10],
      ['gongwen-lint', '“X月X日”疑似未填写的占位符', 2, 6],
    ]);
    expect(partText(written.bytes, 'word/comments.xml').match(/w:id="(\d+)"/g)).toEqual(['w:id="0"', 'w:id="1"']);
    expectUntouchedExcept(bytes, written.bytes, ['word/document.xml', 'word/comments.xml']);
  });

  it('marks a finding in a field result at the end of its paragraph, and none in text boxes or content controls', () => {
    const bytes = buildDocx({
      body:
        paragraph(run('详见') + complexField('REF 附件 \\h', '附件一,附件二') + run('。')) +
        paragraph(run('见下框') + textBox(paragraph(run('说明:数据截至6月底')))) +
        '<w:sdt><w:sdtContent>' + paragraph(run('XX县人民政府')) + '</w:sdtContent></w:sdt>',
    });
    const document = parseDocx(bytes);
    const field = document.blocks[0];
    const written = writeDocx(bytes, document, {
      comments: [
        { block: field, start: 5, end: 6, paragraphs: ['中文中的半角标点“,”应改为全角“，”'] },
        { block: document.blocks[2], start: 2, end: 3, paragraphs: ['中文中的半角标点“:”应改为全角“：”'] },
        { block: document.blocks[3], start: 0, end: 2, paragraphs: ['“XX县”疑似未填写的占位符'] },
      ],
      date: DATE,
    });
    expect(written.commentsSkipped).toBe(2);
    const comments = parseDocx(written.bytes).docx?.comments ?? [];
    expect(comments.map((comment) => [comment.block.index, comment.start, comment.end])).toEqual([[0, field.text.length, field.text.length]]);
    expect(partText(written.bytes, 'word/document.xml')).toMatch(/<w:r><w:fldChar w:fldCharType="end"\/><\/w:r><w:r><w:t xml:space="preserve">。<\/w:t><\/w:r><w:commentRangeStart w:id="\d+"\/>/);
  });
});

describe('writeDocx around pictures and text boxes', () => {
  it('never rebuilds a run read through mc:AlternateContent: a comment over the drawing is anchored on the text beside it', () => {
    const bytes = buildDocx({ body: paragraph(run('见下框') + textBox(paragraph(run('说明:数据截至6月底')))) });
    const document = parseDocx(bytes);
    const written = writeDocx(bytes, document, { comments: [{ block: document.blocks[0], start: 2, end: 4, paragraphs: ['示例批注'] }], date: DATE });
    const before = partText(bytes, 'word/document.xml');
    const after = partText(written.bytes, 'word/document.xml');
    expect(after.slice(after.indexOf('<w:r><mc:AlternateContent>'))).toBe(before.slice(before.indexOf('<w:r><mc:AlternateContent>')));
    expect(parseDocx(written.bytes).docx?.comments.map((comment) => [comment.start, comment.end])).toEqual([[2, 3]]);
  });
});

describe('blockChangeFor', () => {
  it('refuses a fix that would start a new paragraph', () => {
    const document = parseDocx(buildDocx({ body: paragraph(run('抄送：县委办公室,县人大办公室')) }));
    const message = { ruleId: 'document-elements', severity: 1, message: '', line: 1, column: 1, endLine: 1, endColumn: 1, fix: { range: [0, 0], text: '关于开展安全生产检查的通知\n' } } as const;
    expect(blockChangeFor(document, { ...message, fix: { ...message.fix, range: [0, 0] } })).toBe('paragraphs');
    expect(blockChangeFor(document, { ...message, fix: { range: [9, 10], text: '，' } })).toMatchObject({ start: 9, end: 10, text: '，' });
  });
});

describe('fixDocx in text boxes', () => {
  it('leaves a fix in a text box as a finding: Word keeps a second copy of its text', () => {
    const bytes = buildDocx({ body: paragraph(run('见下框') + textBox(paragraph(run('说明:数据截至6月底')))) });
    const fixed = fix(bytes, false);
    expect(fixed.refused.map((refusal) => refusal.reason)).toEqual(['text-box']);
    expect(fixed.bytes).toBe(bytes);
  });
});
