/**
 * Bundles the command line into dist/bin (esbuild): cli.js, which `bin` runs and the tests run, and the
 * worker thread's entry lint-worker.js beside it. Loading some eighty modules one by one was most of the
 * start-up of a run over one small draft; a bundle is a handful of files. Code loaded on demand (remark,
 * the formatters, the Word reader) stays in chunks of its own, so a run that needs none of it loads none
 * of it. tsc still type-checks and builds the library and its types in dist/src.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names change with their content: without a clean start, every build would leave its old chunks.
rmSync('dist/bin', { recursive: true, force: true });

const { metafile } = await build({
  entryPoints: { cli: 'src/node/cli.ts', 'lint-worker': 'src/node/lint-worker.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Chunks beside the entries: lint-files finds the worker as ./lint-worker.js next to its own chunk.
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies (picocolors, picomatch, write-file-atomic) call require for Node's built-ins, and
  // write-file-atomic names its temporary files after __filename.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
    ].join(' '),
  },
  logLevel: 'warning',
  metafile: true,
});

// `import { z } from 'zod'` makes esbuild keep zod's whole namespace, every locale with it: some 500 KB that
// each run compiled. `import * as z from 'zod'` (zod 4's own spelling) lets it keep only what is used.
const zodLocales = new Set(
  Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([input, { bytesInOutput }]) => bytesInOutput > 0 && input.includes('/zod/v4/locales/'))
      .map(([input]) => input),
  ),
);
const unexpected = [...zodLocales].filter((input) => !/\/(en|zh-CN)\.js$/.test(input));
if (unexpected.length > 0) {
  throw new Error(`the bundle holds zod locales it never uses (${unexpected.length}, e.g. ${unexpected[0]}): import zod as \`import * as z from 'zod'\``);
}
