/**
 * The web page and the HTML report in a real browser: Debian's Chromium driven by playwright-core (no
 * browser is downloaded). The page is the built web/dist/index.html, opened from file://; its findings and
 * fixes are compared with the command line's on the same drafts. Screenshots go to test-artifacts/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocx } from '../../src/core/parse/docx.js';

const PAGE = pathToFileURL(resolve('web/dist/index.html')).href;
const CLI = resolve('dist/src/node/cli.js');
const ARTIFACTS = resolve('test-artifacts');
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

interface Finding {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
}

function cli(args: readonly string[], input?: string | Buffer): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout };
}

function cliFindings(args: readonly string[], input?: string | Buffer): string[] {
  const [result] = JSON.parse(cli([...args, '--format', 'json'], input).stdout) as { messages: Finding[] }[];
  return result.messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`).sort();
}

/** The findings the page lists, as `rule line:column message`; Word paragraphs are labelled 第N段. */
async function pageFindings(page: Page): Promise<string[]> {
  const items = await page.$$eval('.gw-findings li', (nodes) =>
    nodes.map((node) => ({ rule: node.getAttribute('data-rule'), place: node.querySelector('.gw-place')?.textContent ?? '', message: node.querySelector('.gw-message')?.textContent ?? '' })),
  );
  return items.map((item) => `${item.rule} ${item.place.replace(/^.*?第(\d+)段/, '$1')} ${item.message}`).sort();
}

let browser: Browser;
const requests: string[] = [];

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(PAGE);
  return page;
}

/** Waits until the page has checked what it holds now (the status shows the time a check took). */
async function checked(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#gw-status')?.getAttribute('data-milliseconds') !== null);
  await page.waitForTimeout(400);
}

describe.runIf(CHROMIUM !== undefined)('the web page in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    // Only the page's own file, and the blob it makes for a download, are ever requested.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  });

  it('lists the same findings as the command line for a pasted draft, and fixes it as --fix does', async () => {
    const draft = readFileSync('examples/草稿-工作报告.md', 'utf8');
    const page = await openPage();
    await page.fill('#gw-input', draft);
    await checked(page);
    const expected = cliFindings(['--stdin', '--stdin-filename', '草稿.md'], draft);
    expect(expected.length).toBeGreaterThan(10);
    expect(await pageFindings(page)).toEqual(expected);
    await page.screenshot({ path: `${ARTIFACTS}/web-page.png` });

    await page.click('#gw-fix-all');
    await checked(page);
    const fixedByCli = spawnSync(process.execPath, [CLI, '--stdin', '--stdin-filename', '草稿.md', '--fix'], { input: draft, encoding: 'utf8' }).stdout;
    expect(await page.inputValue('#gw-input')).toBe(fixedByCli);
    expect(await pageFindings(page)).toEqual(cliFindings(['--stdin', '--stdin-filename', '草稿.md'], fixedByCli));
    await page.close();
  });

  it('switches a rule off and on, and scrolls to a finding clicked in the list', async () => {
    const page = await openPage();
    await page.fill('#gw-input', 'X年以来，我局认真贯彻落实上级部署,取得明显成效。');
    await checked(page);
    expect((await pageFindings(page)).map((finding) => finding.split(' ')[0])).toEqual(['no-placeholder', 'punctuation-width']);
    await page.click('details.gw-settings summary');
    await page.uncheck('input[data-rule="no-placeholder"]');
    await checked(page);
    expect((await pageFindings(page)).map((finding) => finding.split(' ')[0])).toEqual(['punctuation-width']);
    await page.click('.gw-findings a');
    expect(await page.$eval('mark.gw-focus', (mark) => mark.textContent)).toBe(',');
    await page.close();
  });

  it('opens a Word draft through the file input, fixes it and saves a .docx the reader reads back', async () => {
    const page = await openPage();
    await page.setInputFiles('#gw-file', 'examples/请示-草稿.docx');
    await checked(page);
    expect(await pageFindings(page)).toEqual(cliFindings(['examples/请示-草稿.docx']).map((finding) => finding.replace(/ 页脚：/, ' 页脚：')));
    await page.screenshot({ path: `${ARTIFACTS}/web-page-docx.png` });
    await page.click('#gw-fix-all');
    await checked(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gw-download')]);
    const saved = `${ARTIFACTS}/请示-草稿.fixed.docx`;
    await download.saveAs(saved);
    const fixed = parseDocx(readFileSync(saved));
    expect(fixed.blocks.map((block) => block.text).join('\n')).toContain('现将有关事项请示如下：');
    expect(cliFindings([saved]).filter((finding) => /punctuation-width|punctuation-sequence/.test(finding))).toEqual([]);
    await page.close();
  });

  it('reads a GB18030 text file and saves it back byte for byte', async () => {
    const page = await openPage();
    await page.setInputFiles('#gw-file', 'tests/fixtures/encodings/notice.gb18030.txt');
    await checked(page);
    expect(await page.inputValue('#gw-input')).toContain('通知');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#gw-download')]);
    const saved = `${ARTIFACTS}/notice.gb18030.txt`;
    await download.saveAs(saved);
    expect(Buffer.compare(readFileSync(saved), readFileSync('tests/fixtures/encodings/notice.gb18030.txt'))).toBe(0);
    await page.close();
  });

  it('re-checks a 50 KB draft while typing: the time of one check is recorded', async () => {
    const paragraph = readFileSync('examples/草稿-工作报告.md', 'utf8');
    const large = paragraph.repeat(Math.ceil(50_000 / Buffer.byteLength(paragraph))).slice(0, 17_000);
    const page = await openPage();
    await page.fill('#gw-input', large);
    await checked(page);
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.focus('#gw-input');
      await page.keyboard.press('End');
      await page.keyboard.type('。');
      await page.waitForTimeout(600);
      timings.push(Number(await page.getAttribute('#gw-status', 'data-milliseconds')));
    }
    timings.sort((a, b) => a - b);
    const kilobytes = Buffer.byteLength(await page.inputValue('#gw-input')) / 1024;
    writeFileSync(`${ARTIFACTS}/web-typing.txt`, `${kilobytes.toFixed(0)} KB draft: one check takes ${timings[2].toFixed(0)} ms (median of 5; all: ${timings.join(', ')})\n`);
    expect(kilobytes).toBeGreaterThan(45);
    expect(timings[2]).toBeGreaterThan(0);
    await page.close();
  });

  it('the HTML report of a run opens offline, with counts and working filters', async () => {
    const report = `${ARTIFACTS}/report.html`;
    expect(cli(['examples/', '--format', 'html', '--output-file', report]).status).toBe(1);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);
    expect(await page.textContent('h1')).toBe('gongwen-lint 检查报告');
    const placeholders = await page.$$eval('.gw-findings li[data-rule="no-placeholder"]', (nodes) => nodes.length);
    expect(placeholders).toBeGreaterThan(5);
    await page.uncheck('.gw-filters input[data-rule="no-placeholder"]');
    expect(await page.$$eval('.gw-findings li[data-rule="no-placeholder"]:not(.gw-hidden)', (nodes) => nodes.length)).toBe(0);
    expect(await page.$$eval('.gw-findings li[data-rule="punctuation-width"]:not(.gw-hidden)', (nodes) => nodes.length)).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/report.png` });
    await page.close();
  });
});
