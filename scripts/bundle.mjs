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

await build({
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
});
