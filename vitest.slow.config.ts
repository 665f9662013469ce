import { defineConfig } from 'vitest/config';

/** Tests that drive real programs (LibreOffice, Chromium), outside the main suite: `npm run test:slow` (it builds the page first). */
export default defineConfig({
  test: {
    include: ['tests/slow/**/*.slow.ts'],
    setupFiles: ['tests/setup/on-demand-parts.ts'],
    testTimeout: 300_000,
  },
});
