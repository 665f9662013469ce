import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializeRequest,
  InitializedNotification,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';
import { startLanguageClient, type LanguageClient } from './lsp-client.js';
import { makeProject } from './make-project.js';

const DRAFT = '# 关于报送安全生产材料的通知\n\n请各单位于X月X日前报送材料,;逾期视为无异议。\n';

let client: LanguageClient;
let project: ReturnType<typeof makeProject>;
const versions = new Map<string, number>();

function uriOf(name: string): string {
  return pathToFileURL(join(project.directory, name)).href;
}

async function open(name: string, text: string, languageId = 'markdown'): Promise<Diagnostic[]> {
  const uri = uriOf(name);
  const published = client.nextDiagnostics(uri);
  versions.set(uri, 1);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  const params = await published;
  expect(params.version).toBe(1);
  return params.diagnostics;
}

/** Sends the whole new text as one change and returns the diagnostics published for that version. */
async function change(uri: string, text: string): Promise<Diagnostic[]> {
  const version = (versions.get(uri) ?? 1) + 1;
  versions.set(uri, version);
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  const params = await published;
  expect(params.version).toBe(version);
  return params.diagnostics;
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 1, text), edits);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code}`);
}

beforeAll(async () => {
  project = makeProject({}, 'gongwen-lsp-');
  client = startLanguageClient();
  const initialized = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(project.directory).href,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  expect(initialized.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.gongwen-lint'] });
  await client.connection.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
  expect(await client.stop()).toBe(0);
  project.remove();
});

describe('the language server, driven as a child process', () => {
  it('publishes the CLI’s findings on open, with exact ranges, severities and rule ids', async () => {
    const diagnostics = await open('草稿.md', DRAFT);
    expect(summary(diagnostics)).toEqual(['2:5-2:8 1 no-placeholder', '2:14-2:16 1 punctuation-sequence']);
    // The same places as the library and the CLI give (1-based there, 0-based in LSP).
    const places = lintText(DRAFT, { filePath: '草稿.md' }).messages.map((m) => `${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1} 1 ${m.ruleId}`);
    expect(summary(diagnostics)).toEqual(places);
    expect(diagnostics[0]).toMatchObject({
      source: 'gongwen-lint',
      message: '“X月X日”疑似未填写的占位符，请填写具体日期',
      codeDescription: { href: 'https://unpkg.com/gongwen-lint/docs/rules/no-placeholder.md' },
    });
  });

  it('offers fixes, suggestions and a disable comment; applying them leaves nothing to report', async () => {
    const uri = uriOf('草稿.md');
    const diagnostics = await open('草稿.md', DRAFT);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } },
      context: { diagnostics },
    })) as CodeAction[];
    const titles = actions.map((action) => action.title);
    expect(titles).toContain('在上一行加注释，屏蔽此处的 no-placeholder');
    expect(titles).toContain('只保留“，”');
    const disable = actions.find((action) => action.title === '在上一行加注释，屏蔽此处的 no-placeholder')!;
    expect(editsOf(disable, uri)).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- gongwen-lint-disable-next-line no-placeholder -->\n' }]);
    const keepComma = actions.find((action) => action.kind === 'quickfix' && action.diagnostics?.[0].code === 'punctuation-sequence' && editsOf(action, uri)[0]?.newText === '，');
    expect(keepComma, titles.join(' | ')).toBeDefined();
    const fixed = apply(DRAFT, [...editsOf(disable, uri), ...editsOf(keepComma!, uri)]);
    expect(fixed).toBe('# 关于报送安全生产材料的通知\n\n<!-- gongwen-lint-disable-next-line no-placeholder -->\n请各单位于X月X日前报送材料，逾期视为无异议。\n');
    expect(await change(uri, fixed)).toEqual([]);
  });

  it('fixes the whole document with the source.fixAll action', async () => {
    const uri = uriOf('报告.md');
    const text = '全县各级各部门认真落实上级部署,扎实推进各项工作……\n';
    const diagnostics = await open('报告.md', text);
    expect(summary(diagnostics)).toEqual(['0:15-0:16 1 punctuation-width']);
    const quickFixes = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, only: ['quickfix'] },
    })) as CodeAction[];
    expect(quickFixes[0]).toMatchObject({ title: '修正：中文中的半角标点“,”应改为全角“，”', isPreferred: true });
    expect(editsOf(quickFixes[0], uri)).toEqual([{ range: diagnostics[0].range, newText: '，' }]);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(actions.map((action) => action.kind)).toEqual(['source.fixAll.gongwen-lint']);
    const fixed = apply(text, editsOf(actions[0], uri));
    expect(fixed).toBe('全县各级各部门认真落实上级部署，扎实推进各项工作……\n');
    expect(await change(uri, fixed)).toEqual([]);
  });

  it('lints plain-text documents, and changes made in pieces', async () => {
    const uri = uriOf('请示.txt');
    expect(summary(await open('请示.txt', '妥否,请批示。\n', 'plaintext'))).toEqual(['0:2-0:3 1 punctuation-width']);
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }, text: '，' }],
    });
    expect((await published).diagnostics).toEqual([]);
  });

  it('reads the .gongwenrc cascade, and again when a config file changes', async () => {
    expect(client.registrations.map((registration) => registration.method)).toContain('workspace/didChangeWatchedFiles');
    const uri = uriOf('附件/说明.md');
    expect(summary(await open('附件/说明.md', '请于X年X月X日前报送。\n'))).toEqual(['0:2-0:7 1 no-placeholder']);
    project.write('附件/.gongwenrc.json', '{ "rules": { "no-placeholder": "warn" } }');
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf('附件/.gongwenrc.json'), type: FileChangeType.Created }],
    });
    expect(summary((await published).diagnostics)).toEqual(['0:2-0:7 2 no-placeholder']);
  });

  it('reports a broken config on the first line instead of failing', async () => {
    project.write('坏配置/.gongwenrc.json', '{ "rules": { "no-such-rule": "error" } }');
    const diagnostics = await open('坏配置/草稿.md', '请于X年前报送。\n');
    expect(summary(diagnostics)).toEqual(['0:0-0:0 1 undefined']);
    expect(diagnostics[0].message).toContain('no-such-rule');
  });
});
