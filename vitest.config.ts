import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup/markdown-parser.ts', 'tests/setup/on-demand-parts.ts', 'tests/setup/fast-check.ts'],
    testTimeout: 60_000,
  },
});
