/**
 * The page: paste or open a draft (.md, .txt, .docx; a `.gongwenrc.json` too), see every finding marked in
 * place and listed by rule, switch rules on and off, fix what is certain and save the file in its own
 * format and encoding. Everything runs here, on the same engine as the command line; nothing is sent anywhere.
 */
import { rules, rulesById } from '../../rules/index.js';
import { resolveRules, type RulesLayer } from '../../src/core/config/resolve-rules.js';
import { validateConfig } from '../../src/core/config/schema.js';
import { DocxError } from '../../src/core/docx/errors.js';
import { fixDocx } from '../../src/core/docx/fix-docx.js';
import type { DocumentFormat, GwDocument } from '../../src/core/document.js';
import { fixText } from '../../src/core/fix.js';
import { formatForPath, lintDocument, parseDocument, useDocxReader, type LintResult } from '../../src/core/linter.js';
import * as docxReader from '../../src/core/parse/docx.js';
import { useMarkdownParser } from '../../src/core/parse/markdown.js';
import * as remark from '../../src/core/parse/remark.js';
import { useWordTable } from '../../src/core/text/segmenter.js';
import * as wordTable from '../../src/core/text/word-frequencies.js';
import { documentLines } from '../../src/view/lines.js';
import { countFindings, renderFile, VIEW_CSS } from '../../src/view/render.js';
import { decodeText, encodeText, type DecodedText } from './encoding.js';

useMarkdownParser(remark);
useDocxReader(docxReader);
useWordTable(wordTable);

/** The draft on the page: text typed or opened, or a Word package. */
type Draft =
  | { kind: 'text'; name: string; format: Exclude<DocumentFormat, 'docx'>; encoding: DecodedText['encoding']; bom: boolean; lineEnding: string }
  | { kind: 'docx'; name: string; bytes: Uint8Array };

const elements = {
  input: document.querySelector<HTMLTextAreaElement>('#gw-input')!,
  file: document.querySelector<HTMLInputElement>('#gw-file')!,
  format: document.querySelector<HTMLSelectElement>('#gw-format')!,
  view: document.querySelector<HTMLElement>('#gw-view')!,
  counts: document.querySelector<HTMLElement>('#gw-counts')!,
  status: document.querySelector<HTMLElement>('#gw-status')!,
  fixAll: document.querySelector<HTMLButtonElement>('#gw-fix-all')!,
  download: document.querySelector<HTMLButtonElement>('#gw-download')!,
  rules: document.querySelector<HTMLElement>('#gw-rules')!,
  drop: document.querySelector<HTMLElement>('#gw-drop')!,
  config: document.querySelector<HTMLElement>('#gw-config')!,
};

let draft: Draft = { kind: 'text', name: '草稿.md', format: 'markdown', encoding: 'utf-8', bom: false, lineEnding: '\n' };

/**
 * The draft's text with its own line endings: a text area keeps only `\n`, so a file written with `\r\n`
 * gets them back for linting (positions as the command line gives them) and for saving.
 */
function draftText(): string {
  const text = elements.input.value;
  return draft.kind === 'text' && draft.lineEnding !== '\n' ? text.replace(/\n/g, draft.lineEnding) : text;
}
/** Rules switched off on the page, on top of the configuration. */
const switchedOff = new Set<string>();
/** Rule settings from a dropped `.gongwenrc.json`. */
let configLayer: RulesLayer | undefined;

function resolvedRules() {
  const layers: RulesLayer[] = configLayer ? [configLayer] : [];
  if (switchedOff.size > 0) layers.push({ source: '页面', rules: Object.fromEntries([...switchedOff].map((id) => [id, 'off'])) });
  return resolveRules(rules, layers);
}

function lintParsed(parsed: GwDocument): LintResult {
  return lintDocument(parsed, { filePath: draft.name, format: parsed.format, rules: resolvedRules() }, rulesById);
}

function currentDocument(): GwDocument {
  return draft.kind === 'docx' ? parseDocument(draft.bytes, 'docx') : parseDocument(draftText(), draft.format);
}

/** Lints the draft and draws it; the time it took is shown, for those who want to know. */
function check(): void {
  const started = performance.now();
  let parsed: GwDocument;
  try {
    parsed = currentDocument();
  } catch (error) {
    elements.view.innerHTML = '';
    elements.counts.textContent = '';
    elements.status.textContent = error instanceof DocxError ? error.message : `无法检查：${String(error)}`;
    return;
  }
  const result = lintParsed(parsed);
  elements.view.innerHTML = renderFile({ name: draft.name, lines: documentLines(parsed), messages: result.messages, word: draft.kind === 'docx' }, 0);
  const counts = countFindings(result.messages);
  elements.counts.textContent = `${counts.errors} 个错误，${counts.warnings} 个警告，其中 ${counts.fixable} 个可自动修正`;
  elements.fixAll.disabled = counts.fixable === 0;
  const elapsed = performance.now() - started;
  elements.status.textContent = `检查用时 ${elapsed.toFixed(0)} 毫秒`;
  elements.status.dataset.milliseconds = elapsed.toFixed(1);
}

let pending: ReturnType<typeof setTimeout> | undefined;
/** Re-checks while the author types, once they pause. */
function checkSoon(): void {
  if (pending !== undefined) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    check();
  }, 250);
}

async function openFile(file: File): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A JSON file dropped beside a draft is its configuration (`.gongwenrc.json`).
  if (/\.json$/i.test(file.name)) {
    loadConfig(file.name, new TextDecoder().decode(bytes));
    check();
    return;
  }
  if (/\.docx$/i.test(file.name)) {
    draft = { kind: 'docx', name: file.name, bytes };
    elements.input.value = '';
    elements.input.placeholder = `已打开 Word 文档：${file.name}（Word 文档在此不能直接编辑）`;
    elements.input.disabled = true;
  } else {
    const decoded = decodeText(bytes);
    const lineEnding = /\r\n/.test(decoded.text) ? '\r\n' : /\r/.test(decoded.text) ? '\r' : '\n';
    draft = { kind: 'text', name: file.name, format: formatForPath(file.name) === 'markdown' ? 'markdown' : 'text', encoding: decoded.encoding, bom: decoded.bom, lineEnding };
    elements.input.disabled = false;
    elements.input.value = decoded.text;
  }
  elements.format.value = draft.kind === 'docx' ? 'docx' : draft.format;
  elements.format.disabled = draft.kind === 'docx';
  check();
}

function loadConfig(name: string, text: string): void {
  try {
    const content = validateConfig(JSON.parse(text), name, rules);
    configLayer = { source: name, rules: content.rules ?? {}, ...(content.layout ? { layout: content.layout } : {}) };
    elements.config.textContent = `已使用配置：${name}`;
  } catch (error) {
    configLayer = undefined;
    elements.config.textContent = `配置无效：${error instanceof Error ? error.message : String(error)}`;
  }
}

function fixAll(): void {
  if (draft.kind === 'docx') {
    const fixed = fixDocx(draft.bytes, { parse: (bytes) => parseDocument(bytes, 'docx'), lint: lintParsed, revisions: false });
    draft = { ...draft, bytes: fixed.bytes };
    elements.status.textContent = fixed.refused.length > 0 ? `有 ${fixed.refused.length} 处修正无法安全写入 Word 文档，仍列为问题` : '';
  } else {
    const format = draft.format;
    const fixed = fixText(draftText(), (text) => lintParsed(parseDocument(text, format)));
    elements.input.value = fixed.output;
  }
  check();
}

function download(): void {
  const bytes = draft.kind === 'docx' ? draft.bytes : encodeText(draftText(), draft.encoding, draft.bom);
  const type = draft.kind === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/plain';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  link.download = draft.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function drawRuleSwitches(): void {
  elements.rules.innerHTML = rules
    .map((rule) => `<label title="${rule.description}"><input type="checkbox" data-rule="${rule.id}" checked> <code>${rule.id}</code> ${rule.description}</label>`)
    .join('');
  elements.rules.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const id = box.dataset.rule;
    if (!id) return;
    if (box.checked) switchedOff.delete(id);
    else switchedOff.add(id);
    check();
  });
}

/** A click on a finding in the list scrolls its mark into view and outlines it. */
elements.view.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-target]');
  if (!link) return;
  event.preventDefault();
  const mark = document.getElementById(link.dataset.target!);
  if (!mark) return;
  for (const focused of document.querySelectorAll('.gw-focus')) focused.classList.remove('gw-focus');
  mark.classList.add('gw-focus');
  mark.scrollIntoView({ block: 'center' });
});

elements.input.addEventListener('input', checkSoon);
elements.format.addEventListener('change', () => {
  if (draft.kind !== 'text') return;
  draft = { ...draft, format: elements.format.value === 'markdown' ? 'markdown' : 'text', name: elements.format.value === 'markdown' ? '草稿.md' : '草稿.txt' };
  check();
});
elements.file.addEventListener('change', () => {
  const file = elements.file.files?.[0];
  if (file) void openFile(file);
});
elements.fixAll.addEventListener('click', fixAll);
elements.download.addEventListener('click', download);
for (const type of ['dragenter', 'dragover']) {
  document.addEventListener(type, (event) => {
    event.preventDefault();
    elements.drop.classList.add('gw-dragging');
  });
}
document.addEventListener('dragleave', () => elements.drop.classList.remove('gw-dragging'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  elements.drop.classList.remove('gw-dragging');
  for (const file of event.dataTransfer?.files ?? []) void openFile(file);
});

const style = document.createElement('style');
style.textContent = VIEW_CSS;
document.head.append(style);
drawRuleSwitches();
check();
