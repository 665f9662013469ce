/**
 * What the command line loads once it has read its arguments and has a run to do, gathered in one module.
 * The bundle (scripts/bundle.mjs) makes a chunk for each set of dynamic imports that reach a module: when
 * cli.ts imported these one by one, a run over one draft loaded some thirty small chunks, and loading each
 * cost more than compiling it. Through this module they come as a few chunks. What only some runs need
 * (remark, the Word reader, the formatters, iconv-lite, the language server) stays loaded on demand, and so
 * does what checking the arguments needs, so that a usage error answers at once.
 */
export { loadFormatter } from './formatters/index.js';
export { displayWidth, loadDisplayWidth } from './formatters/width.js';
export { displayPath } from './formatters/paths.js';
export { rules, rulesById } from '../../rules/index.js';
export { calculateConfigForFile, ConfigResolver } from './config/load.js';
export { decodeDraft, encodeDraft } from './io.js';
export * as linter from '../core/linter.js';
export { fixText } from '../core/fix.js';
export { loadWordTable } from '../core/text/segmenter.js';
export { documentLines } from '../view/lines.js';
export { countMessages, problemMessage } from '../core/results.js';
export { lintFiles } from './lint-files.js';
export { loadWordSupport, refusalNote, wordFixAsRevisions } from './lint-one-file.js';
export * as suppressions from './suppressions.js';
