import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    // FSRS fuzz is on for users; tests assert exact intervals
    env: { MIANSHI_FSRS_FUZZ: "0" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // migrations run once into a template database; each test copies it
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 30000,
        },
      },
    ],
  },
});
