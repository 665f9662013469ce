/**
 * Writing Word drafts through the built binary: --fix (tracked or direct, from the flag or the config),
 * --fix-dry-run's diff of visible text, --annotate and --annotate-dir, standard input, --verbose reasons.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocx } from '../../src/core/parse/docx.js';
import { buildDocx, complexField, paragraph, run as wordRun, splitParagraph } from '../fixtures/docx/build.js';

const CLI = resolve('dist/src/node/cli.js');

function cli(args: readonly string[], options: { cwd: string; input?: Uint8Array }): { status: number; stdout: string; stderr: string; stdoutBytes: Buffer } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input ?? '', env });
  if (child.error) throw child.error;
  return { status: child.status ?? -1, stdout: child.stdout.toString('utf8'), stderr: child.stderr.toString('utf8'), stdoutBytes: child.stdout };
}

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function project(files: Record<string, string | Uint8Array>): string {
  const directory = mkdtempSync(join(tmpdir(), 'gongwen-word-write-'));
  directories.push(directory);
  writeFileSync(join(directory, '.gongwenrc.json'), files['.gongwenrc.json'] ?? '{ "root": true }');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
  return directory;
}

const DRAFT = buildDocx({
  body:
    splitParagraph(['关于开展', '2024年', '安全生产大检查的通知']) +
    paragraph(wordRun('各乡镇人民政府') + wordRun(',') + wordRun('县直各单位：')) +
    paragraph(wordRun('请于X月X日前将检查情况报县应急管理局。。')) +
    paragraph(complexField('REF 附件 \\h', '详见附件,请认真填写')),
});

function texts(bytes: Uint8Array): string[] {
  return parseDocx(bytes).blocks.map((block) => block.text);
}

function revisionCount(bytes: Uint8Array): number {
  return parseDocx(bytes).docx?.revisions.length ?? 0;
}

const FIXED = ['关于开展2024年安全生产大检查的通知', '各乡镇人民政府，县直各单位：', '请于X月X日前将检查情况报县应急管理局。', '详见附件,请认真填写'];

describe('--fix on Word drafts', () => {
  it('writes tracked changes by default, direct edits with --fix-as direct or "fixAs": "direct"', () => {
    const directory = project({ 'tracked.docx': DRAFT, 'direct.docx': DRAFT });
    expect(cli(['tracked.docx', '--fix'], { cwd: directory }).status).toBe(1);
    expect(cli(['direct.docx', '--fix', '--fix-as', 'direct'], { cwd: directory }).status).toBe(1);
    const tracked = readFileSync(join(directory, 'tracked.docx'));
    const direct = readFileSync(join(directory, 'direct.docx'));
    expect(texts(tracked)).toEqual(FIXED);
    expect(texts(direct)).toEqual(FIXED);
    expect(revisionCount(tracked)).toBe(3);
    expect(revisionCount(direct)).toBe(0);

    const configured = project({ '.gongwenrc.json': '{ "root": true, "fixAs": "direct" }', '通知.docx': DRAFT });
    cli(['通知.docx', '--fix'], { cwd: configured });
    expect(revisionCount(readFileSync(join(configured, '通知.docx')))).toBe(0);
    expect(cli(['通知.docx', '--fix', '--fix-as', 'tracked'], { cwd: configured }).stderr).toMatch(/--fix-as 的值“tracked”无效/);
  });

  it('says with --verbose which fixes stayed findings and why', () => {
    const directory = project({ '通知.docx': DRAFT });
    const result = cli(['通知.docx', '--fix', '--verbose', '--format', 'compact'], { cwd: directory });
    expect(result.stderr).toContain('通知.docx：第 4 段第 5 列的修正（punctuation-width）未写入：修正处在 Word 域（页码、目录、引用等）中，域更新时会被覆盖');
    expect(result.stdout).toContain('通知.docx:4:5: 错误 中文中的半角标点“,”应改为全角“，”');
  });

  it('--fix-dry-run shows the changed paragraphs as a diff and writes nothing', () => {
    const directory = project({ '通知.docx': DRAFT });
    const result = cli(['通知.docx', '--fix-dry-run', '--format', 'compact'], { cwd: directory });
    expect(result.stdout).toContain(
      ' 关于开展2024年安全生产大检查的通知\n-各乡镇人民政府,县直各单位：\n-请于X月X日前将检查情况报县应急管理局。。\n' +
        '+各乡镇人民政府，县直各单位：\n+请于X月X日前将检查情况报县应急管理局。\n 详见附件,请认真填写\n',
    );
    expect(Buffer.compare(readFileSync(join(directory, '通知.docx')), Buffer.from(DRAFT))).toBe(0);
  });

  it('fixes a .docx from standard input onto standard output, findings to standard error', () => {
    const directory = project({});
    const result = cli(['--stdin', '--stdin-filename', '通知.docx', '--fix', '--format', 'compact'], { cwd: directory, input: DRAFT });
    expect(texts(result.stdoutBytes)).toEqual(FIXED);
    expect(result.stderr).toContain('no-placeholder');
  });
});

describe('--annotate', () => {
  it('writes 请示.检查.docx beside the draft with one comment per finding, and leaves the draft alone', () => {
    // The draft is bare XML with no layout of its own, and says `详见附件` without a 附件说明: the layout rules' and
    // attachment-note's findings are not what this test is about.
    const textRulesOnly = JSON.stringify({
      root: true,
      rules: { 'layout-fonts': 'off', 'layout-paragraph': 'off', 'layout-page': 'off', 'layout-page-number': 'off', 'attachment-note': 'off' },
    });
    const directory = project({ '.gongwenrc.json': textRulesOnly, '通知.docx': DRAFT, '说明.md': '# 说明\n\n请于X月X日前报送。\n' });
    const result = cli(['.', '--annotate', '--format', 'compact'], { cwd: directory });
    expect(result.status).toBe(1);
    const findings = result.stdout.split('\n').filter((line) => line.startsWith('通知.docx'));
    const copy = readFileSync(join(directory, '通知.检查.docx'));
    const all = parseDocx(copy).docx?.comments ?? [];
    expect(all).toHaveLength(findings.length);
    // The layout rules also report on this bare draft; these are the findings in its text.
    const comments = all.filter((comment) => /规则：(punctuation-|no-placeholder)/.test(comment.text));
    expect(comments.map((comment) => comment.block.text.slice(comment.start, comment.end))).toEqual([',', 'X月X', '。。', '']);
    // The `,` in the field result is marked at the end of its paragraph: updating the field would drop an anchor inside it.
    expect(comments[3].start).toBe(comments[3].block.text.length);
    expect(comments[0].text).toBe('中文中的半角标点“,”应改为全角“，”\n规则：punctuation-width\n建议改为：“，”');
    expect(comments[1].text).toBe('“X月X日”疑似未填写的占位符，请填写具体日期\n规则：no-placeholder');
    expect(comments[2].text).toMatch(/^点号“。。”重复.*\n规则：punctuation-sequence\n建议：删除$/);
    expect(Buffer.compare(readFileSync(join(directory, '通知.docx')), Buffer.from(DRAFT))).toBe(0);
    expect(result.stderr).toContain('已写入批注副本 通知.检查.docx（');
    expect(result.stderr).toContain('--annotate 只为 Word 文档（.docx）写批注副本，另有 1 个 Markdown 或文本文件照常检查，未写副本');
    expect(result.stdout).toContain('说明.md:3:3');
    // A second run lints the copy but does not annotate it again.
    cli(['.', '--annotate'], { cwd: directory });
    expect(existsSync(join(directory, '通知.检查.检查.docx'))).toBe(false);
  });

  it('writes into --annotate-dir, creating it, and refuses standard input', () => {
    const directory = project({ '通知.docx': DRAFT });
    cli(['通知.docx', '--annotate-dir', 'out/批注'], { cwd: directory });
    expect(existsSync(join(directory, 'out/批注/通知.检查.docx'))).toBe(true);
    const stdin = cli(['--stdin', '--stdin-filename', '通知.docx', '--annotate'], { cwd: directory, input: DRAFT });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toMatch(/--annotate 要在原文件旁写副本，不能用于标准输入/);
  });
});
