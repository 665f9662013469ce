/**
 * `npm run bench:integrations`: the language server's latency from didChange to published diagnostics for a
 * 20 KB draft (median of 20), and remark-cli running gongwen-lint's plugin against remark-cli running
 * remark-lint's recommended preset on the bench corpus. A tool for people: nothing here is asserted by the tests.
 *
 * Options: --files N (2000), --bytes N per file (5000), --runs N (3).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { startLanguageClient } from '../tests/integrations/lsp-client.js';
import { CHANGE_INTERVAL_MS } from '../src/node/lsp/server.js';
import { generateCorpus } from './corpus.js';

const projectRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const work = join(tmpdir(), 'gongwen-lint-bench-integrations');
const sources = [join(projectRoot, 'examples'), resolve(projectRoot, '../shared/corpus/real')];

const { values: flags } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    bytes: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
  },
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** didChange (one character typed or deleted, after a pause longer than the server's interval) → diagnostics. */
async function languageServerLatency(): Promise<void> {
  generateCorpus({ directory: join(work, 'lsp'), files: 1, bytesPerFile: 20_000, seed: 20261201, sources });
  const folder = join(work, 'lsp', readdirSync(join(work, 'lsp'))[0]);
  const path = join(folder, readdirSync(folder)[0]);
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(path).href;
  const client = startLanguageClient(join(projectRoot, 'dist/bin/cli.js'), work);
  await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  await client.connection.sendNotification(InitializedNotification.type, {});
  const opened = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const findings = (await opened).diagnostics.length;
  const latencies: number[] = [];
  const lines = text.split('\n').length;
  for (let version = 2; version <= 21; version++) {
    await sleep(CHANGE_INTERVAL_MS + 50);
    const line = (version * 7) % lines;
    const change =
      version % 2 === 0
        ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '各' }
        : { range: { start: { line: ((version - 1) * 7) % lines, character: 0 }, end: { line: ((version - 1) * 7) % lines, character: 1 } }, text: '' };
    const published = client.nextDiagnostics(uri);
    const started = performance.now();
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    const params = await published;
    latencies.push(performance.now() - started);
    if (params.version !== version) throw new Error(`diagnostics for version ${String(params.version)}, expected ${version}`);
  }
  await client.stop();
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`## Language server: didChange → publishDiagnostics, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB draft, ${findings} findings`);
  console.log(`median ${median(latencies).toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (20 changes)`);
}

interface Command {
  name: string;
  argv: string[];
}

function runOnce(command: Command, cwd: string): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(command.argv[0], command.argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${command.name} exited ${String(child.status)}: ${child.stderr.toString().slice(0, 2000)}`);
  return seconds;
}

function messageCount(command: Command, cwd: string): number {
  const child = spawnSync(command.argv[0], command.argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return (child.stderr.match(/^\d+:\d+(-\d+:\d+)?\s+(error|warning)\s/gm) ?? []).length;
}

/** remark-cli with each configuration over the same corpus: one warm-up each, then alternating rounds; medians. */
function remarkCli(): void {
  const directory = join(work, 'corpus');
  const bytes = generateCorpus({ directory, files: Number(flags.files), bytesPerFile: Number(flags.bytes), seed: 20261126, sources });
  const moduleUrl = (path: string): string => pathToFileURL(join(projectRoot, path)).href;
  const configs: Record<string, string> = {
    'bare.remarkrc.mjs': 'export default { plugins: [] };\n',
    'gongwen.remarkrc.mjs': `import remarkGongwen from '${moduleUrl('dist/src/remark.js')}';\nexport default { plugins: [remarkGongwen] };\n`,
    'lint.remarkrc.mjs': `import preset from '${moduleUrl('node_modules/remark-preset-lint-recommended/index.js')}';\nexport default { plugins: [preset] };\n`,
  };
  for (const [name, content] of Object.entries(configs)) writeFileSync(join(work, name), content);
  const remark = join(projectRoot, 'node_modules/remark-cli/cli.js');
  const command = (name: string, rc: string): Command => ({
    name,
    argv: [process.execPath, remark, '.', '--rc-path', join(work, rc), '--no-stdout', '--no-color', '--ext', 'md'],
  });
  const commands = [
    command('remark-cli, no plugins (parse only)', 'bare.remarkrc.mjs'),
    command('remark-cli + gongwen-lint/remark', 'gongwen.remarkrc.mjs'),
    command('remark-cli + remark-preset-lint-recommended', 'lint.remarkrc.mjs'),
    { name: 'gongwen-lint CLI (for reference)', argv: [process.execPath, join(projectRoot, 'dist/bin/cli.js'), '--format', 'json', '--output-file', join(work, 'out.json'), '.'] },
  ];
  const samples = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  for (const c of commands) runOnce(c, directory);
  for (let round = 0; round < Number(flags.runs); round++) for (const c of commands) samples.get(c.name)!.push(runOnce(c, directory));
  console.log(`\n## remark-cli on the bench corpus: ${flags.files} files, ${(bytes / 1e6).toFixed(1)} MB`);
  console.log('| command | wall s (median) | MB/s | messages |\n|---|---|---|---|');
  for (const c of commands) {
    const seconds = median(samples.get(c.name)!);
    const messages = c.argv.includes('--rc-path') ? String(messageCount(c, directory)) : '–';
    console.log(`| ${c.name} | ${seconds.toFixed(2)} | ${(bytes / 1e6 / seconds).toFixed(1)} | ${messages} |`);
  }
}

rmSync(work, { recursive: true, force: true });
await languageServerLatency();
remarkCli();
