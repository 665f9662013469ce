/** Shared by the Word write-back tests: linting parsed documents with every rule at its default. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { rulesById } from '../../rules/index.js';
import { resolveRules } from '../../src/core/config/resolve-rules.js';
import type { GwDocument } from '../../src/core/document.js';
import { lintDocument, type LintResult } from '../../src/core/linter.js';

/**
 * Every rule but those about a whole 公文's layout and elements: the fixtures are bare fragments of XML, and
 * what these tests check (reading, fixing, comments) concerns the findings in their text.
 */
export const allRules = resolveRules([...rulesById.values()], [
  { source: 'test', rules: Object.fromEntries([...rulesById.keys()].filter((id) => id.startsWith('layout-') || id === 'document-elements').map((id) => [id, 'off'])) },
]);

export function lintWord(document: GwDocument): LintResult {
  return lintDocument(document, { filePath: '草稿.docx', format: 'docx', rules: allRules }, rulesById);
}

export function partText(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes, { filter: (file) => file.name === name })[name]);
}

/** Word's "reject all" for gongwen-lint's revisions, in every part: drop its insertions, restore its deletions. */
export function rejectAll(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    if (!/^word\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(files[name])
      .replace(/<w:ins [^>]*w:author="gongwen-lint"[^>]*>.*?<\/w:ins>/g, '')
      .replace(/<w:del [^>]*w:author="gongwen-lint"[^>]*>(.*?)<\/w:del>/g, (_whole, inner: string) => inner.replace(/<(\/?)w:delText/g, '<$1w:t'));
    files[name] = strToU8(xml);
  }
  return zipSync(files);
}
