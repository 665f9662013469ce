import { defineConfig } from 'vitest/config';

// Tests that drive programs installed on the machine (the pre-commit framework); `npm run test:slow`.
export default defineConfig({
  test: {
    include: ['tests-slow/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
