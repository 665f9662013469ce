/**
 * `npm run bench [-- options]`: times gongwen-lint against a bare remark-parse of the same files, and with
 * `--anchors` against textlint, markdownlint-cli2 and AutoCorrect installed into a temporary folder.
 * A tool for people: nothing here is asserted by the tests.
 *
 * Options: --files N (2000), --bytes N per file (5000), --runs N (3), --anchors, --scaling (1000/2000/4000
 * files), --memory (10,000 files), --big (one 50 MB file), --rules (each rule's CPU time in process; --new-rules
 * a,b names the rules to set against the others, --old-rules c,d those others when not all the rest), --all (everything), --defects heavy (drafts as they come
 * from templates, about 100 findings per 5 KB, timed in JSON, stylish and SARIF; findings per second). Every run also times a
 * Markdown-heavy corpus, where every section needs remark rather than the plain-line reader, and the same
 * drafts written as Word files (.docx), against the Markdown run and as one 5 MB .docx.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDocx, paragraphsFromText, type ParagraphSpec } from '../scripts/docx-writer.js';
import { generateCorpus } from './corpus.js';
import { ruleCosts } from './rule-costs.js';

const projectRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const cli = join(projectRoot, 'dist/bin/cli.js');
const bareParse = join(projectRoot, 'dist/bench/bare-parse.js');
const rssProbe = pathToFileURL(join(projectRoot, 'bench/rss-probe.mjs')).href;
const work = join(tmpdir(), 'gongwen-lint-bench');

const { values: flags } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    bytes: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    anchors: { type: 'boolean', default: false },
    scaling: { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
    big: { type: 'boolean', default: false },
    rules: { type: 'boolean', default: false },
    'new-rules': { type: 'string', default: '' },
    'old-rules': { type: 'string', default: '' },
    all: { type: 'boolean', default: false },
    defects: { type: 'string', default: 'light' },
  },
});
const runs = Number(flags.runs);
const fileCount = Number(flags.files);
const bytesPerFile = Number(flags.bytes);
if (flags.defects !== 'light' && flags.defects !== 'heavy') throw new Error('--defects is light or heavy');
const heavyDefects = flags.defects === 'heavy';

interface Command {
  name: string;
  argv: string[];
  cwd?: string;
}

/** One run of a command. */
interface Run {
  seconds: number;
  peakMiB: number;
}

/** A command's runs summed up: the median time, the highest peak. */
interface Measurement extends Run {
  /**
   * The median over the rounds of this command's time over the first command's time in the same round. A
   * machine whose speed drifts (a shared host: the same parse took 1.4 s and 2.2 s within an hour) moves both
   * runs of a round alike, so this ratio holds steadier than the ratio of the two medians.
   */
  ratioToFirst: number;
}

/** Runs a command once; wall time from spawn to exit, peak RSS reported by the probe (max over threads). */
function runOnce(command: Command): Run {
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(command.argv[0], command.argv.slice(1), {
    cwd: command.cwd ?? projectRoot,
    env: { ...process.env, NODE_OPTIONS: `--import=${rssProbe}`, GONGWEN_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`${command.name} exited ${String(child.status)}: ${child.stderr.toString().slice(0, 2000)}`);
  }
  const samples = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').map(Number) : [0];
  return { seconds, peakMiB: Math.max(...samples) / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One warm-up of each command, then `runs` rounds in which the commands alternate; medians. */
function measure(commands: Command[]): Map<string, Measurement> {
  for (const command of commands) runOnce(command);
  const samples = new Map<string, (Run & { ratioToFirst: number })[]>(commands.map((c) => [c.name, []]));
  for (let round = 0; round < runs; round++) {
    let first = 0;
    for (const command of commands) {
      const { seconds, peakMiB } = runOnce(command);
      if (command === commands[0]) first = seconds;
      samples.get(command.name)!.push({ seconds, peakMiB, ratioToFirst: seconds / first });
    }
  }
  return new Map(
    [...samples].map(([name, list]) => [
      name,
      { seconds: median(list.map((m) => m.seconds)), peakMiB: Math.max(...list.map((m) => m.peakMiB)), ratioToFirst: median(list.map((m) => m.ratioToFirst)) },
    ]),
  );
}

function corpus(name: string, files: number, bytes = bytesPerFile, markdown = false): { directory: string; megabytes: number } {
  const directory = join(work, name);
  const total = generateCorpus({
    directory,
    files,
    bytesPerFile: bytes,
    seed: 20261126,
    sources: [join(projectRoot, 'examples'), resolve(projectRoot, '../shared/corpus/real')],
    markdown,
    heavy: heavyDefects,
  });
  return { directory, megabytes: total / 1e6 };
}

/** The Markdown drafts under `source`, relative to it: the corpus keeps them in folders of a hundred. */
function markdownDrafts(source: string): string[] {
  return readdirSync(source, { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.md'))
    .sort();
}

const FONT = (face: string, halfPoints: number): string =>
  `<w:rFonts w:ascii="${face}" w:eastAsia="${face}" w:hAnsi="${face}"/><w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`;
const BODY_FONT = FONT('仿宋_GB2312', 32);
const INDENT = '<w:ind w:firstLineChars="200" w:firstLine="640"/>';
/** A page number as GB/T 9704 7.5 sets it: `— 1 —` in 四号宋体 from a PAGE field. */
const PAGE_NUMBER_FOOTER: ParagraphSpec = {
  properties: '<w:jc w:val="right"/>',
  runs: [{ text: '— ', properties: FONT('宋体', 28) }, { text: '1', field: 'PAGE', properties: FONT('宋体', 28) }, { text: ' —', properties: FONT('宋体', 28) }],
};

/**
 * A draft's paragraphs laid out as a 公文 template sets them (GB/T 9704-2012 7.3): the title in 二号小标宋,
 * centred; `一、` headings in 黑体 and `（一）` headings in 楷体 up to their first `。`; body text indented two
 * characters; a date line at the end set right. What is left to find is the text's own defects.
 */
function laidOut(lines: readonly string[]): ParagraphSpec[] {
  return lines.map((line, index): ParagraphSpec => {
    if (index === 0) return { runs: [{ text: line, properties: FONT('方正小标宋简体', 44) }], properties: '<w:jc w:val="center"/>' };
    if (index === 1 && /[：:]$/.test(line)) return { runs: [{ text: line, properties: BODY_FONT }] };
    if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(line)) return { runs: [{ text: line, properties: BODY_FONT }], properties: '<w:jc w:val="right"/>' };
    const headingFace = /^[一二三四五六七八九十]+、/.test(line) ? '黑体' : /^[（(][一二三四五六七八九十]+[）)]/.test(line) ? '楷体_GB2312' : undefined;
    if (headingFace === undefined) return { runs: [{ text: line, properties: BODY_FONT }], properties: INDENT };
    const headingEnd = line.indexOf('。') + 1 || line.length;
    const runs = [{ text: line.slice(0, headingEnd), properties: FONT(headingFace, 32) }];
    if (headingEnd < line.length) runs.push({ text: line.slice(headingEnd), properties: BODY_FONT });
    return { runs, properties: INDENT };
  });
}

/**
 * Every Markdown draft of `source` written again as a .docx, its text split over runs as Word leaves it; total
 * bytes. `layout` sets the drafts as a template does (title, headings, indents, a page number); without it
 * every paragraph is plain 仿宋 三号 and the layout rules find some thirty things in each draft.
 */
function wordCorpus(source: string, name: string, layout = false): { directory: string; megabytes: number } {
  const directory = join(work, name);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  let total = 0;
  for (const file of markdownDrafts(source)) {
    const lines = paragraphsFromText(readFileSync(join(source, file), 'utf8'));
    const bytes = layout
      ? buildDocx({ paragraphs: laidOut(lines), footer: [PAGE_NUMBER_FOOTER], splitRunsEvery: 12 })
      : buildDocx({ paragraphs: lines, splitRunsEvery: 12 });
    writeFileSync(join(directory, basename(file).replace(/\.md$/, '.docx')), bytes);
    total += bytes.length;
  }
  return { directory, megabytes: total / 1e6 };
}

/** One .docx of about `targetBytes` (zipped), its paragraphs drawn in turn from the Markdown drafts of `source`. */
/**
 * One .docx of about `targetBytes`: a long draft (the first drafts of `source`, about 1 MB of text, some 400
 * pages) and a picture that makes up the rest, as Word files of that size are: their megabytes are pictures.
 */
function bigWordFile(source: string, targetBytes: number): { path: string; megabytes: number; textMegabytes: number } {
  const paragraphs: string[] = [];
  const files = markdownDrafts(source);
  for (let i = 0; i < files.length && Buffer.byteLength(paragraphs.join('\n')) < 1_000_000; i++) {
    paragraphs.push(...paragraphsFromText(readFileSync(join(source, files[i]), 'utf8')));
  }
  const text = buildDocx({ paragraphs, splitRunsEvery: 12 });
  // Incompressible bytes stand in for a photograph.
  const picture = new Uint8Array(Math.max(0, targetBytes - text.length));
  let state = 20261201;
  for (let i = 0; i < picture.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    picture[i] = state >>> 24;
  }
  const path = join(work, 'big-word.docx');
  writeFileSync(path, buildDocx({ paragraphs, splitRunsEvery: 12, picture }));
  const textMegabytes = Buffer.byteLength(paragraphs.join('\n')) / 1e6;
  return { path, megabytes: statSync(path).size / 1e6, textMegabytes };
}

function lintCommand(name: string, directory: string, extra: string[] = [], format = 'json'): Command {
  return { name, argv: [process.execPath, cli, '--format', format, '--output-file', join(work, `out.${format}`), ...extra, directory] };
}

/** Findings in the JSON report the last JSON run wrote. */
function countFindings(): number {
  const results = JSON.parse(readFileSync(join(work, 'out.json'), 'utf8')) as { messages: unknown[] }[];
  return results.reduce((sum, result) => sum + result.messages.length, 0);
}

/** `relative`: the first row is the bare parse, and each row is also given against it, round by round (Measurement.ratioToFirst). */
function table(rows: { name: string; m: Measurement; megabytes: number }[], relative = false): string {
  const lines = ['| command | wall s (median) | MB/s | peak MiB | × bare parse time (median of the rounds) |', '|---|---|---|---|---|'];
  for (const { name, m, megabytes } of rows) {
    const ratio = relative ? m.ratioToFirst.toFixed(2) : '';
    lines.push(`| ${name} | ${m.seconds.toFixed(2)} | ${(megabytes / m.seconds).toFixed(1)} | ${m.peakMiB.toFixed(0)} | ${ratio} |`);
  }
  return lines.join('\n');
}

/** Pinned anchors, installed through npm into a temporary folder (never into the project). */
function installAnchors(): { textlint: Command; markdownlint: Command; autocorrect: Command } & { directory: string } {
  const directory = join(work, 'anchors');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'package.json'), JSON.stringify({ name: 'anchors', private: true }));
  const packages = ['textlint@15.8.0', 'textlint-rule-prh@6.1.0', 'markdownlint-cli2@0.24.1', 'autocorrect-node@2.14.0'];
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', ...packages], { cwd: directory, stdio: 'inherit' });
  if (install.status !== 0) throw new Error('npm install of the anchors failed');
  // textlint with prh: a dictionary that flags the X blanks gongwen-lint's no-placeholder finds.
  writeFileSync(
    join(directory, 'prh.yml'),
    ['version: 1', 'rules:', '  - expected: （请填写）', '    pattern: /[XＸ×]+(?=[年月日县市省局名个项%]|万元|亿元)/', ''].join('\n'),
  );
  writeFileSync(join(directory, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }));
  const bin = (name: string): string => join(directory, 'node_modules/.bin', name);
  return {
    directory,
    textlint: { name: 'textlint 15.8 (prh)', argv: [bin('textlint'), '--format', 'json', '-o', join(work, 'textlint.json')], cwd: directory },
    markdownlint: { name: 'markdownlint-cli2 0.24', argv: [bin('markdownlint-cli2')], cwd: directory },
    autocorrect: { name: 'AutoCorrect 2.14 (--lint)', argv: [bin('autocorrect'), '--lint'], cwd: directory },
  };
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('build first: npm run build');
  mkdirSync(work, { recursive: true });
  const report: string[] = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  ];
  const main = corpus('corpus', fileCount);
  report.push(`\nCorpus${heavyDefects ? ' (heavy defects)' : ''}: ${fileCount} Markdown drafts, ${main.megabytes.toFixed(1)} MB, ${runs} runs after a warm-up.\n`);
  const small = join(projectRoot, 'examples');
  const commands: Command[] = [
    { name: 'bare unified + remark-parse (1 thread)', argv: [process.execPath, bareParse, main.directory] },
    lintCommand('gongwen-lint (all rules, JSON)', main.directory),
    lintCommand('gongwen-lint, one small file (start-up)', join(small, '通知-定稿.md')),
  ];
  if (heavyDefects) {
    commands.push(lintCommand('gongwen-lint (all rules, stylish)', main.directory, [], 'stylish'), lintCommand('gongwen-lint (all rules, SARIF)', main.directory, [], 'sarif'));
  }
  const anchors = flags.anchors || flags.all ? installAnchors() : undefined;
  if (anchors) {
    anchors.textlint.argv.push(`${main.directory}/**/*.md`);
    anchors.markdownlint.argv.push(`${main.directory}/**/*.md`);
    anchors.autocorrect.argv.push(main.directory);
    commands.push(anchors.textlint, anchors.markdownlint, anchors.autocorrect);
  }
  const results = measure(commands);
  report.push(
    table(
      commands.map((c) => ({
        name: c.name,
        m: results.get(c.name)!,
        megabytes: c.name.includes('one small file') ? 0 : main.megabytes,
      })),
      true,
    ),
  );
  const full = results.get(commands[1].name)!;
  if (anchors) {
    for (const anchor of [anchors.textlint, anchors.markdownlint, anchors.autocorrect]) {
      report.push(`- ${anchor.name}: gongwen-lint is ${(results.get(anchor.name)!.ratioToFirst / full.ratioToFirst).toFixed(2)}× as fast`);
    }
  }
  report.push(`- bare parse: gongwen-lint is ${(1 / full.ratioToFirst).toFixed(2)}× as fast`);
  if (heavyDefects) {
    runOnce(commands[1]);
    const findings = countFindings();
    report.push(`- ${findings} findings (${(findings / fileCount).toFixed(1)} per file); JSON: ${Math.round(findings / full.seconds)} findings/s`);
  }

  // Most drafts are read by the plain-line reader; this shows the cost when every section needs remark.
  const heavy = corpus('markdown-heavy', fileCount, bytesPerFile, true);
  const heavyCommands: Command[] = [
    { name: 'bare unified + remark-parse (1 thread), Markdown-heavy', argv: [process.execPath, bareParse, heavy.directory] },
    lintCommand('gongwen-lint (all rules, JSON), Markdown-heavy', heavy.directory),
  ];
  const heavyResults = measure(heavyCommands);
  report.push(`\nMarkdown-heavy corpus (every section has emphasis, a link, inline code, a list; some a table): ${fileCount} drafts, ${heavy.megabytes.toFixed(1)} MB.\n`);
  report.push(table(heavyCommands.map((c) => ({ name: c.name, m: heavyResults.get(c.name)!, megabytes: heavy.megabytes })), true));

  // The same drafts as Word files: what reading .docx costs over reading the same text as Markdown. Drafts
  // laid out as a template sets them are what offices check; plain ones add some thirty layout findings each.
  const word = wordCorpus(main.directory, 'word', true);
  const plainWord = wordCorpus(main.directory, 'word-plain');
  const layoutOff = join(work, 'layout-rules-off.json');
  writeFileSync(layoutOff, JSON.stringify({ rules: Object.fromEntries(['layout-fonts', 'layout-paragraph', 'layout-page', 'layout-page-number', 'document-elements'].map((id) => [id, 'off'])) }));
  const wordCommands: Command[] = [
    lintCommand('gongwen-lint, the drafts as .md', main.directory),
    lintCommand('gongwen-lint, the same drafts as .docx, laid out', word.directory),
    lintCommand('gongwen-lint, .docx laid out, layout rules off (the rules .md gets)', word.directory, ['--config', layoutOff]),
    lintCommand('gongwen-lint, the same drafts as .docx, plain 仿宋 throughout', plainWord.directory),
  ];
  const wordResults = measure(wordCommands);
  report.push(`\nWord corpus: the same ${fileCount} drafts written as .docx (text split into runs of about 12 characters), ${word.megabytes.toFixed(1)} MB zipped.\n`);
  report.push(table(wordCommands.map((c, i) => ({ name: c.name, m: wordResults.get(c.name)!, megabytes: i === 0 ? main.megabytes : word.megabytes }))));
  const markdownSeconds = wordResults.get(wordCommands[0].name)!.seconds;
  for (const command of wordCommands.slice(1)) report.push(`- ${command.name.replace('gongwen-lint, ', '')}: ${(wordResults.get(command.name)!.seconds / markdownSeconds).toFixed(2)}× the time of the same drafts as .md`);
  const big = bigWordFile(main.directory, 5_000_000);
  const bigRun = measure([lintCommand('gongwen-lint, one 5 MB .docx', big.path)]).values().next().value as Measurement;
  report.push(`- one ${big.megabytes.toFixed(1)} MB .docx (${big.textMegabytes.toFixed(1)} MB of text): ${bigRun.seconds.toFixed(2)} s, peak ${bigRun.peakMiB.toFixed(0)} MiB`);

  const cacheLocation = join(work, 'cache.json');
  rmSync(cacheLocation, { force: true });
  const cached = lintCommand('gongwen-lint --cache', main.directory, ['--cache', '--cache-location', cacheLocation]);
  const cold = runOnce(cached);
  const warm = measure([cached]).get(cached.name)!;
  report.push(`\n--cache: first run ${cold.seconds.toFixed(2)} s, unchanged re-run ${warm.seconds.toFixed(2)} s (${((warm.seconds / cold.seconds) * 100).toFixed(0)}% of the first).`);

  if (flags.scaling || flags.all) {
    report.push('\nScaling:\n');
    const rows = [1000, 2000, 4000].map((files) => {
      const scaled = corpus(`scaling-${files}`, files);
      const m = measure([lintCommand(`gongwen-lint, ${files} files`, scaled.directory)]).values().next().value as Measurement;
      return { name: `gongwen-lint, ${files} files`, m, megabytes: scaled.megabytes };
    });
    report.push(table(rows));
  }
  if (flags.memory || flags.all) {
    const large = corpus('memory-10000', 10000);
    const m = runOnce(lintCommand('gongwen-lint, 10,000 files', large.directory));
    report.push(`\n10,000 files (${large.megabytes.toFixed(1)} MB): ${m.seconds.toFixed(2)} s, peak ${m.peakMiB.toFixed(0)} MiB.`);
    // The cache over as many files: the first run writes it (its peak must stay near the run's without it), the re-run replays it.
    const largeCache = join(work, 'cache-10000.json');
    rmSync(largeCache, { force: true });
    const largeCached = lintCommand('gongwen-lint --cache, 10,000 files', large.directory, ['--cache', '--cache-location', largeCache]);
    const first = runOnce(largeCached);
    const rerun = measure([largeCached]).get(largeCached.name)!;
    report.push(
      `--cache, 10,000 files: first run ${first.seconds.toFixed(2)} s, peak ${first.peakMiB.toFixed(0)} MiB; unchanged re-run ${rerun.seconds.toFixed(2)} s, peak ${rerun.peakMiB.toFixed(0)} MiB (${((rerun.seconds / first.seconds) * 100).toFixed(0)}% of the first).`,
    );
  }
  if (flags.big || flags.all) {
    const one = corpus('big', 1, 50_000_000);
    const m = runOnce(lintCommand('gongwen-lint, one 50 MB file', one.directory));
    report.push(`\nOne ${one.megabytes.toFixed(1)} MB file: ${m.seconds.toFixed(2)} s, ${(one.megabytes / m.seconds).toFixed(1)} MB/s, peak ${m.peakMiB.toFixed(0)} MiB.`);
  }
  if (flags.rules || flags.all) {
    const newRules = new Set(flags['new-rules'].split(',').filter((id) => id !== ''));
    const oldRules = new Set(flags['old-rules'].split(',').filter((id) => id !== ''));
    report.push(`\nCPU time per rule (in process, fastest of 5 rounds), plain drafts:\n\n${await ruleCosts(main.directory, newRules, oldRules)}`);
    report.push(`\nMarkdown-heavy drafts:\n\n${await ruleCosts(heavy.directory, newRules, oldRules)}`);
  }
  console.log(report.join('\n'));
}

await main();
