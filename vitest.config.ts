import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores in CI: OCR and CLI tests spawn their own workers, so keep file parallelism modest.
    maxWorkers: 2,
  },
});
