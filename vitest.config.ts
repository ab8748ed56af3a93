import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: [
      "sandbox/**/*.test.ts",
      "lib/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
      "scripts/**/*.test.ts",
      "tests/**/*.test.ts",
      "tests/**/*.test.tsx",
    ],
    environment: "node",
    // Each file its own Postgres database when npm test runs the suites on Postgres; a no-op otherwise.
    setupFiles: ["tests/support/postgres-per-file.ts"],
    // Integration tests start real servers and databases; give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: one worker per core keeps PGlite start-ups from starving each other.
    maxWorkers: 2,
  },
});
