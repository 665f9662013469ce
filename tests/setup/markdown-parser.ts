// The CLI loads remark on demand (src/parse/markdown.ts); tests call parseMarkdown directly, so load it first.
import { loadMarkdownParser } from '../../src/core/parse/markdown.js';

await loadMarkdownParser();
