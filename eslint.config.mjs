// ESLint: typescript-eslint's recommended rules, Next.js's, and the layers of docs/ARCHITECTURE.md
// (eslint-plugin-boundaries). The LAYERS table below is that document's table as code: change both.
import Module, { createRequire } from "node:module";
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";

// The project compiles with TypeScript 7, which ships no JavaScript compiler API; typescript-eslint
// parses with TypeScript 6's (installed as typescript-for-lint). Point its `require("typescript")`
// there before loading it. Syntax is the same in both: TypeScript 7 is a port of 6.0.
const require = createRequire(import.meta.url);
const typeScriptForLint = require.resolve("typescript-for-lint");
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === "typescript" ? typeScriptForLint : request, ...rest);
};
const { default: tseslint } = await import("typescript-eslint");

// Each layer: where it lives, what it may import (values and types), and what it may import for
// types only (the ports it satisfies). Anything not listed is refused.
const LAYERS = {
  // pure: no database, no framework, no browser
  schemas: { path: "lib/schemas/**", imports: ["labels", "auth-rules"] },
  "graph-keys": { path: "lib/graph-keys/**", imports: [] },
  labels: { path: "lib/labels/**", imports: ["schemas"] },
  engine: { path: "lib/engine/**", imports: ["schemas", "graph-keys"] },
  ingest: { path: "lib/ingest/**", imports: ["schemas", "graph-keys"] },
  findings: { path: "lib/findings/**", imports: ["schemas"] },
  incidents: { path: "lib/incidents/**", imports: ["schemas", "engine"] },
  "graph-view": { path: "lib/graph-view/**", imports: ["schemas", "labels"] },
  // the permission table, password policy, token format, address rules: pure, any layer may read them
  "auth-rules": { path: "lib/auth/**", imports: ["schemas"] },
  // the route wrapper (with-permission.ts) runs the guard
  http: { path: "lib/http/**", imports: ["schemas", "security", "auth-guard", "auth-rules"] },
  security: { path: "lib/security/**", imports: [] },
  // storage
  database: { path: ["lib/db.ts", "lib/database/**", "lib/generated/**"], imports: [] },
  files: { path: "lib/files/**", imports: ["ingest", "schemas", "database"] },
  data: {
    path: "lib/data/**",
    imports: ["database", "schemas", "graph-keys", "ingest", "auth-rules"],
    typeImports: ["engine", "findings", "incidents"],
  },
  // clients of external inventories (GitHub, npm registry): collect API responses, no database
  connectors: { path: "lib/connectors/**", imports: ["schemas", "graph-keys", "ingest"] },
  // orchestration and entry points
  services: {
    path: "lib/services/**",
    imports: ["connectors", "data", "database", "files", "engine", "ingest", "findings", "incidents", "schemas", "graph-keys", "auth-rules"],
  },
  "auth-guard": { path: "lib/auth/{guard,get-auth,request-meta}.ts", imports: ["auth-rules", "data", "database", "schemas"] },
  actions: { path: "lib/actions/**", imports: ["auth-guard", "auth-rules", "services", "data", "database", "schemas"] },
  cli: {
    path: "lib/cli/**",
    imports: ["services", "data", "database", "files", "connectors", "findings", "ingest", "schemas", "auth-guard", "auth-rules", "labels"],
  },
  app: {
    path: ["app/**", "proxy.ts"],
    imports: [
      "components",
      "actions",
      "auth-guard",
      "auth-rules",
      "services",
      "data",
      "database",
      "files",
      "http",
      "security",
      "findings",
      "incidents",
      "ingest",
      "schemas",
      "labels",
    ],
  },
  // the browser
  queries: { path: "lib/queries/**", imports: ["schemas", "graph-view"] },
  components: { path: "components/**", imports: ["actions", "queries", "graph-view", "schemas", "labels", "auth-rules", "findings", "incidents"] },
};

// lib/data hands rows to the engine in the engine's own columns (lib/engine/graph.ts): the one
// engine module it may use values from. It never calls the engine.
const ENGINE_GRAPH_ROWS = { element: { type: "engine", fileInternalPath: "graph.ts" } };

// First match wins: the auth guard's three files before the rest of lib/auth.
const ELEMENT_ORDER = ["auth-guard", ...Object.keys(LAYERS).filter((type) => type !== "auth-guard")];

const layerPolicies = Object.entries(LAYERS).flatMap(([type, layer]) => [
  { from: { element: { type } }, allow: { to: { element: { types: { anyOf: [type, ...layer.imports] } } } } },
  ...(layer.typeImports
    ? [{ from: { element: { type } }, allow: { to: { element: { types: { anyOf: layer.typeImports } } }, dependency: { kind: "type" } } }]
    : []),
]);

const PURE = [
  "lib/schemas/**",
  "lib/graph-keys/**",
  "lib/labels/**",
  "lib/engine/**",
  "lib/ingest/**",
  "lib/findings/**",
  "lib/incidents/**",
  "lib/graph-view/**",
];
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/*.test-helper.ts", "test/**", "e2e/**", "bench/**", "scripts/**"];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "lib/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      ".blastmap/**",
      ".exp/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  nextPlugin.configs["core-web-vitals"],
  {
    // The two classic hook rules (the React Compiler's rules in the plugin's presets are not adopted).
    files: ["components/**", "lib/queries/**", "app/**"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    languageOptions: {
      globals: { console: "readonly", process: "readonly", URL: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly" },
    },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, an ignored argument).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // TypeScript checks these; ESLint's versions do not know about types or the DOM.
      "no-undef": "off",
      "no-redeclare": "off",
    },
  },
  {
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs", "**/*.cjs"],
    ignores: TESTS,
    plugins: { boundaries },
    settings: {
      "boundaries/root-path": import.meta.dirname,
      // `mode: "full"` matches each pattern against the whole path from the root, so a layer can be a
      // file (lib/db.ts, proxy.ts, the auth guard's three files). eslint-plugin-boundaries 7 keeps it
      // but warns that a later major will drop it for file descriptors; silenced until then.
      "boundaries/legacy-warnings": false,
      "boundaries/include": ["lib/**", "app/**", "components/**", "proxy.ts"],
      "boundaries/elements": ELEMENT_ORDER.map((type) => ({ type, pattern: LAYERS[type].path, mode: "full" })),
      "import/resolver": { typescript: { alwaysTryTypes: true, project: "tsconfig.json" } },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          message: "{{from.type}} may not import {{to.type}} (docs/ARCHITECTURE.md, layers)",
          policies: [...layerPolicies, { from: { element: { type: "data" } }, allow: { to: ENGINE_GRAPH_ROWS } }],
        },
      ],
    },
  },
  {
    // The pure layers run in the CLI, the server and the browser, without a database.
    files: PURE,
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "the pure domain knows nothing of Next.js or React" },
            { group: ["@prisma/*", "pg", "@electric-sql/*", "server-only"], message: "the pure domain has no database: lib/data loads for it" },
            { regex: "^cytoscape(-[a-z]+)?$", message: "drawing belongs to components/graph" },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "window", message: "the pure domain has no browser" },
        { name: "document", message: "the pure domain has no browser" },
      ],
    },
  },
);
