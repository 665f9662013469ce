// The CLI loads the Word reader and the word table on demand; tests call parseDocument, lintBytes and the
// rules directly, so load them first.
import { loadDocxReader } from '../../src/core/linter.js';
import { loadWordTable } from '../../src/core/text/segmenter.js';

await Promise.all([loadDocxReader(), loadWordTable()]);
