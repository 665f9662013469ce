import { defineConfig } from 'vitest/config';

/** Tests that need a real program installed (LibreOffice), outside the main suite: `npm run test:slow`. */
export default defineConfig({
  test: {
    include: ['tests/slow/**/*.slow.ts'],
    testTimeout: 300_000,
  },
});
