// The CLI loads the Word reader on demand (src/core/linter.ts); tests call parseDocument and lintBytes directly, so load it first.
import { loadDocxReader } from '../../src/core/linter.js';

await loadDocxReader();
