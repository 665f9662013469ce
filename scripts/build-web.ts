/**
 * `npm run build:web`: bundles the page (web/src/main.ts and the engine it imports) with esbuild and inlines
 * the script into web/src/index.html, giving one self-contained web/dist/index.html that works from file://,
 * a USB stick or an intranet share, and loads nothing from anywhere.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

const bundle = await build({
  entryPoints: [`${root}web/src/main.ts`],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  // The engine must not need Node: a `node:` import anywhere in the page's graph fails the build.
  logLevel: 'warning',
});
const script = bundle.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
const template = readFileSync(`${root}web/src/index.html`, 'utf8');
if (!template.includes('<!--SCRIPT-->')) throw new Error('web/src/index.html has no <!--SCRIPT--> slot');
const page = template.replace('<!--SCRIPT-->', () => `<script>${script}</script>`);
mkdirSync(`${root}web/dist`, { recursive: true });
writeFileSync(`${root}web/dist/index.html`, page);
console.log(`web/dist/index.html: ${(page.length / 1024).toFixed(0)} KiB`);
