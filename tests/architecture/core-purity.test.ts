/**
 * The engine's core (src/core and rules/) and the view drawn from it (src/view) must run in a browser and an
 * editor server: they import no `node:` module and no package that needs Node. Checked on the import graph the TypeScript compiler sees, following
 * every relative import from each core file, so a Node import reached indirectly fails too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Packages the core may import: each is plain JavaScript that runs in a browser. */
const ALLOWED_PACKAGES = new Set([
  'zod',
  'yaml',
  'unified',
  'remark-parse',
  'remark-frontmatter',
  'decode-named-character-reference',
  'micromark-extension-gfm-footnote',
  'micromark-extension-gfm-strikethrough',
  'micromark-extension-gfm-table',
  'micromark-extension-gfm-task-list-item',
  'mdast-util-gfm-footnote',
  'mdast-util-gfm-strikethrough',
  'mdast-util-gfm-table',
  'mdast-util-gfm-task-list-item',
  'fflate',
]);

function listTypeScript(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every module specifier that stays in the JavaScript: static imports and re-exports (not type-only ones), `import()` and `require()` calls. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node)) {
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The files reachable from the core's own files, with the import that broke the rule, if any. */
function violations(): string[] {
  const environmentFree = ['src/core', 'rules', 'src/view'].map((folder) => join(root, folder));
  // The remark plugin's entry runs inside other people's pipelines, browsers included: it is held to the same rule.
  const start = [...environmentFree.flatMap(listTypeScript), join(root, 'src/remark.ts')];
  const seen = new Set<string>();
  const queue = [...start];
  const problems: string[] = [];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of specifiers(file)) {
      const where = relative(root, file);
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
        if (!environmentFree.some((folder) => target.startsWith(folder))) {
          problems.push(`${where} imports ${specifier}, outside the core`);
        }
        queue.push(target);
      } else if (specifier.startsWith('node:') || !ALLOWED_PACKAGES.has(packageName(specifier))) {
        problems.push(`${where} imports ${specifier}`);
      }
    }
  }
  return problems;
}

describe('core purity', () => {
  it('src/core, rules/ and the remark plugin import nothing that needs Node, directly or through another file', () => {
    expect(violations()).toEqual([]);
  });

  it('the check sees the core files (it cannot pass on an empty tree)', () => {
    expect(listTypeScript(join(root, 'src/core')).length).toBeGreaterThan(20);
    expect(listTypeScript(join(root, 'rules')).length).toBeGreaterThan(8);
    expect(specifiers(join(root, 'src/core/linter.ts'))).toContain('./document.js');
  });
});
