#!/usr/bin/env node
/** `gongwen-lint-lsp`: the language server alone, for editors that start a server by its command name. */
import { startLanguageServer } from './server.js';

startLanguageServer();
