/**
 * Word drafts through the built binary: positions as paragraphs, parts, standard input, bad and hostile
 * packages (exit 2, the other files still linted), `--fix` on .docx, the cache and threads.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExampleDocx } from '../../scripts/build-example-docx.js';
import { buildDocx } from '../../scripts/docx-writer.js';
import { runCli } from '../helpers/run-cli.js';

const EXAMPLE = resolve('examples/请示-草稿.docx');

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function project(files: Record<string, string | Uint8Array>): string {
  const directory = mkdtempSync(join(tmpdir(), 'gongwen-word-'));
  directories.push(directory);
  writeFileSync(join(directory, '.gongwenrc.json'), '{ "root": true }');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
  return directory;
}

interface JsonMessage {
  ruleId: string | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  part?: string;
  fatal?: boolean;
}

function messagesOf(stdout: string): Map<string, JsonMessage[]> {
  return new Map((JSON.parse(stdout) as { filePath: string; messages: JsonMessage[] }[]).map((result) => [result.filePath.split('/').pop()!, result.messages]));
}

/** Findings of the text rules; these small drafts are laid out in no way GB/T 9704 asks, which the layout rules rightly say. */
function textFindings(messages: readonly JsonMessage[]): string[] {
  return messages.filter((message) => !message.ruleId?.startsWith('layout-')).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
}

const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** One of each kind of file that is no readable .docx, with the words its error must contain. */
const HOSTILE: Record<string, { bytes: Uint8Array; says: string }> = {
  '旧版.docx': { bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), says: '另存为 .docx' },
  '文本.docx': { bytes: strToU8('X年以来，这其实是一个文本文件'), says: '不是 zip 压缩包' },
  '截断.docx': { bytes: buildExampleDocx().subarray(0, 1500), says: '已损坏或不完整' },
  '无正文.docx': { bytes: zipSync({ '_rels/.rels': strToU8(RELS), 'word/styles.xml': strToU8('<w:styles/>') }), says: '没有 Word 正文部件' },
  '实体.docx': {
    bytes: zipSync({ '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&x;</w:document>') }),
    says: 'DOCTYPE',
  },
  '炸弹.docx': { bytes: zipSync({ '_rels/.rels': strToU8(RELS), 'word/document.xml': new Uint8Array(100 * 1024 * 1024) }), says: '压缩炸弹' },
};

describe('Word drafts on the command line', () => {
  it('lints the bundled Word example: paragraphs as lines, the footer as its own part', () => {
    const result = runCli([EXAMPLE, '--format', 'json']);
    expect(result.status).toBe(1);
    const messages = messagesOf(result.stdout).get('请示-草稿.docx')!;
    const brief = messages.map((message) => `${message.part ?? 'body'} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId}`);
    expect(brief).toEqual(
      expect.arrayContaining([
        // `X` and `公里` stand in two runs; column 18 of paragraph 5.
        'body 5:18-5:19 no-placeholder',
        // `,` and `；` in two runs.
        'body 7:33-7:35 punctuation-sequence',
        'body 8:1-8:4 section-numbering',
        'footer 1:1-1:3 no-placeholder',
      ]),
    );
    expect(messages.find((message) => message.part === 'footer')!.message).toMatch(/^页脚：/);
  });

  it('says 第 N 段 in the stylish report', () => {
    const result = runCli([EXAMPLE]);
    expect(result.stdout).toContain('第 5 段:18');
    expect(result.stdout).toContain('页脚 第 1 段:1');
    expect(result.stdout).toContain('截至去年底，全县农村公路总里程达到X公里');
  });

  it('the committed example is what its script writes', () => {
    expect(Buffer.compare(readFileSync(EXAMPLE), Buffer.from(buildExampleDocx()))).toBe(0);
  });

  it('reads a .docx from standard input named by --stdin-filename', () => {
    const fromFile = messagesOf(runCli([EXAMPLE, '--format', 'json']).stdout).get('请示-草稿.docx')!;
    const result = runCli(['--stdin', '--stdin-filename', '请示.docx', '--format', 'json'], { input: readFileSync(EXAMPLE) });
    expect(result.status).toBe(1);
    expect(messagesOf(result.stdout).get('请示.docx')).toEqual(fromFile);
  });

  it('gives each bad or hostile package one clear error and exit 2, and still lints the good file beside them', () => {
    const files: Record<string, Uint8Array> = { '好.docx': buildDocx({ paragraphs: ['关于做好X年工作的通知'] }) };
    for (const [name, { bytes }] of Object.entries(HOSTILE)) files[name] = bytes;
    const directory = project(files);
    const started = Date.now();
    const result = runCli(['.', '--format', 'json'], { cwd: directory });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.status).toBe(2);
    const byName = messagesOf(result.stdout);
    for (const [name, { says }] of Object.entries(HOSTILE)) {
      const messages = byName.get(name)!;
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ ruleId: null, fatal: true });
      expect(messages[0].message).toContain(says);
    }
    expect(textFindings(byName.get('好.docx')!)).toEqual(['1:5 no-placeholder']);
  });

  it('skips Word lock files when walking a directory', () => {
    const directory = project({ '请示.docx': buildDocx({ paragraphs: ['妥否，请批示。'] }), '~$请示.docx': strToU8('\u0005张三') });
    const result = runCli(['.', '--format', 'json'], { cwd: directory });
    expect(result.status).toBe(0);
    expect([...messagesOf(result.stdout).keys()]).toEqual(['请示.docx']);
  });

  it('--fix writes the fixes into a .docx as tracked changes by default, and nothing else', () => {
    const bytes = buildExampleDocx();
    const directory = project({ 'a.docx': bytes, 'b.docx': bytes });
    const result = runCli(['.', '--fix', '--format', 'compact'], { cwd: directory });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const fixed = readFileSync(join(directory, 'a.docx'));
    expect(Buffer.compare(fixed, Buffer.from(bytes))).not.toBe(0);
    expect(fixed.length).toBeGreaterThan(0);
    expect(result.stdout).not.toMatch(/punctuation-width|punctuation-form/);
    expect(runCli(['a.docx', '--format', 'compact'], { cwd: directory }).stdout).toBe(result.stdout.split('\n').filter((line) => line.startsWith('a.docx')).join('\n') + '\n');
  });

  it('replays the same findings from --cache and gives the same results on two threads', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6; i++) files[`草稿${i}.docx`] = buildDocx({ paragraphs: [`关于第${i}批X项工作的通知`, '各单位,；请抓好落实。'], splitRunsEvery: 3 });
    const directory = project(files);
    const first = runCli(['.', '--format', 'json', '--cache'], { cwd: directory });
    const cached = runCli(['.', '--format', 'json', '--cache'], { cwd: directory });
    const threaded = runCli(['.', '--format', 'json', '--concurrency', '2'], { cwd: directory });
    expect(first.status).toBe(1);
    expect(cached.stdout).toBe(first.stdout);
    expect(threaded.stdout).toBe(first.stdout);
    expect(textFindings(messagesOf(first.stdout).get('草稿3.docx')!)).toEqual([
      '1:6 no-placeholder',
      // `,；` is one finding: punctuation-sequence's (see README, one finding per problem).
      '2:4 punctuation-sequence',
    ]);
  });
});

describe('the layout settings of a configuration', () => {
  const draft = buildExampleDocx();

  it('select the profile the layout rules check against, and a rule\'s own options take precedence', () => {
    const standard = project({ '请示.docx': draft });
    const layoutPage = (directory: string): string[] =>
      messagesOf(runCli(['请示.docx', '--format', 'json'], { cwd: directory }).stdout)
        .get('请示.docx')!
        .filter((message) => message.ruleId === 'layout-page')
        .map((message) => message.message.slice(0, 5));
    expect(layoutPage(standard)).toEqual([]);
    const zznu = project({ '请示.docx': draft });
    writeFileSync(join(zznu, '.gongwenrc.json'), JSON.stringify({ root: true, layout: { profile: 'zznu' } }));
    expect(layoutPage(zznu)).toEqual(['上页边距为', '下页边距为']);
    writeFileSync(join(zznu, '.gongwenrc.json'), JSON.stringify({ root: true, layout: { profile: 'zznu' }, rules: { 'layout-page': ['warn', { profile: 'gb9704' }] } }));
    expect(layoutPage(zznu)).toEqual([]);
  });

  it('are validated: an unknown profile is a configuration error naming the key', () => {
    const directory = project({ '请示.docx': draft });
    writeFileSync(join(directory, '.gongwenrc.json'), JSON.stringify({ root: true, layout: { profile: 'gb9999' } }));
    const result = runCli(['请示.docx'], { cwd: directory });
    expect(result.status).toBe(2);
    expect(result.stdout + result.stderr).toContain('layout.profile');
  });
});
