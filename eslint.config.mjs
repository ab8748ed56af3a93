import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/**
 * Lint rules, including the architecture's import boundaries (docs/architecture.md):
 * the sandbox and the app never import each other (they talk over HTTP), and
 * browser code never reaches server-only modules such as lib/crm or lib/env.
 */
const serverOnlyModules = ["@/lib/crm/*", "@/lib/env", "@/lib/overview/get-overview", "server-only"];

export default tseslint.config(
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/sandbox/**", "@/sandbox/**"], message: "The app reaches the sandbox over HTTP only." }] },
      ],
    },
  },
  {
    // The launcher and the tests start the sandbox as a program; they may read its configuration.
    files: ["scripts/**", "e2e/**", "tests/**", "playwright.config.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // The bench starts the sandbox as a program too, but measures the dashboard from outside:
    // over HTTP and in a browser, never by importing its code.
    files: ["bench/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/*", "../app/*", "../components/*", "../lib/*", "../proxy", "../instrumentation"], message: "The bench measures the dashboard over HTTP and in a browser; it imports none of its code." }] },
      ],
    },
  },
  {
    files: ["sandbox/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/*", "../../../*", "**/lib/**", "**/app/**", "**/components/**"],
              message: "The sandbox is a separate program: it imports nothing from the app.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**", "lib/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: serverOnlyModules, allowTypeImports: true, message: "Browser code never imports server-only modules." },
            { group: ["@/app/*"], message: "components/ and lib/ never import from app/." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "@/components/*"], message: "lib/ never imports from app/ or components/." },
            { group: ["**/sandbox/**", "@/sandbox/**"], message: "The app reaches the sandbox over HTTP only." },
          ],
        },
      ],
    },
  },
);
