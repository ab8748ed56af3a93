import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

/**
 * Lint rules, including the architecture's import boundaries (docs/architecture.md):
 * the sandbox and the app never import each other (they talk over HTTP), and
 * browser code never reaches server-only modules such as lib/crm or lib/env.
 */
/**
 * Where code runs is in its name: a module that may only run on the server is
 * `*.server.ts` (and imports "server-only", so a slip also fails the build).
 * One pattern keeps every such module out of browser code; types both sides
 * need live in `*-types.ts` files, which any side may import.
 */
const serverOnlyModules = ["**/*.server", "**/*.server.*", "server-only"];

/**
 * The same boundary for any module marked "use client", wherever it lives
 * (app/ included): it runs in the browser, so it may not import a server
 * module, except for types, which are erased.
 */
const clientBoundary = {
  rules: {
    "no-server-imports": {
      meta: { type: "problem", schema: [], messages: { server: 'A "use client" module runs in the browser and cannot import {{source}}.' } },
      create(context) {
        const body = context.sourceCode.ast.body;
        const isClient = body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
        if (!isClient) return {};
        const isServer = (source) => source === "server-only" || /\.server(\.[a-z]+)?$/.test(source);
        return {
          ImportDeclaration(node) {
            if (node.importKind === "type" || !isServer(node.source.value)) return;
            context.report({ node: node.source, messageId: "server", data: { source: node.source.value } });
          },
        };
      },
    },
  },
};

export default tseslint.config(
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "client-boundary": clientBoundary },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "client-boundary/no-server-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/sandbox/**", "@/sandbox/**"], message: "The app reaches the sandbox over HTTP only." }] }],
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
        {
          patterns: [
            {
              group: ["@/*", "../app/*", "../components/*", "../lib/*", "../proxy", "../instrumentation"],
              message: "The bench measures the dashboard over HTTP and in a browser; it imports none of its code.",
            },
          ],
        },
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
    files: ["lib/**"],
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
  {
    // Browser code by place: components, and lib's React modules, browser queries, HTTP client and hooks.
    // (After the lib/ block, so for these files this list is the one that applies.)
    files: ["components/**", "lib/**/*.tsx", "lib/*/queries/**", "lib/http/**", "lib/hooks/**", "lib/query/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: serverOnlyModules,
              message: "Browser code never imports server-only modules, not even their types: types both sides need live in *-types.ts.",
            },
            { group: ["@/app/*"], message: "components/ and lib/ never import from app/." },
            { group: ["**/sandbox/**", "@/sandbox/**"], message: "The app reaches the sandbox over HTTP only." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.tsx", "lib/*/queries/**", "lib/http/**", "lib/hooks/**", "lib/query/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: serverOnlyModules,
              message: "Browser code never imports server-only modules, not even their types: types both sides need live in *-types.ts.",
            },
            { group: ["@/app/*", "@/components/*"], message: "lib/ never imports from app/ or components/." },
            { group: ["**/sandbox/**", "@/sandbox/**"], message: "The app reaches the sandbox over HTTP only." },
          ],
        },
      ],
    },
  },
);
