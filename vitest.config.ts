import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    // FSRS fuzz is on for users; tests assert exact intervals
    env: { MIANSHI_FSRS_FUZZ: "0" },
    projects: [
      // a hang guard, not a speed check (speed is in npm run bench): parsing a whole notes file takes
      // a second or two, and over vitest's default 5 s on a 2-CPU machine that is also building
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30000 } },
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
