import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "server/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "data/**"],
  },
  {
    // lib/ is the pure domain core: no framework, no database
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "@prisma/*", "better-sqlite3", "*/server/*", "@/server/*", "react"] }],
    },
  },
];
export default config;
