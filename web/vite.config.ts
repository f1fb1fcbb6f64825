// Builds the dashboard into web/dist, which `hci serve` serves at /. Hashed asset names let the server
// cache them for a year; index.html is revalidated on every load.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: '/',
  json: { stringify: true }, // JSON modules (the state geometry) as JSON.parse of a string: parsed faster than a literal
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2020',
    chunkSizeWarningLimit: 900,
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
