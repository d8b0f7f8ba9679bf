// Writes test/fixtures/connectors/github/openapi-subset.json: the part of GitHub's published OpenAPI
// description that test/connectors/github-fixtures.test.ts validates the replay fixtures against.
// The whole description ships in the npm package @octokit/openapi, 385 MB installed; the tests need a
// few dozen schemas of it, so they read this committed extract and the package is fetched only here.
//
//   npx tsx scripts/extract-github-openapi.ts [--version 23.0.2] [--spec path/to/api.github.com.json]
//
// What it does, so the extract can be remade and checked:
//  - `npm pack @octokit/openapi@<version>` into a temporary directory and `tar` out only
//    generated/api.github.com.json (or reads --spec, a copy of that file, with --version naming it);
//  - the operations are the routes the replay server answers (every fixture under
//    test/fixtures/connectors/github/, recorded or built), i.e. every request the connector makes;
//  - for each, its 2xx application/json response schemas, and every #/components/… definition
//    those reach through $ref (transitively), so each $ref resolves inside the extract;
//  - nothing else (no examples, parameters, descriptions of other operations), keys sorted at
//    every level, so running it again on the same version writes the same bytes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { GITHUB_FIXTURES, renderedResponses } from "../test/connectors/github-replay-server";

const PACKAGE = "@octokit/openapi";
const SPEC_FILE = "generated/api.github.com.json";
const OUTPUT = path.join(GITHUB_FIXTURES, "openapi-subset.json");

interface Response {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
}
interface Description {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, Response> }>>;
  components: Record<string, Record<string, unknown>>;
}

const { values } = parseArgs({
  options: {
    version: { type: "string", default: "23.0.2" },
    spec: { type: "string" },
  },
});
const version = values.version!;

function fetchDescription(): Description {
  if (values.spec) return JSON.parse(readFileSync(values.spec, "utf8")) as Description;
  const dir = mkdtempSync(path.join(tmpdir(), "octokit-openapi-"));
  try {
    execFileSync("npm", ["pack", `${PACKAGE}@${version}`, "--pack-destination", dir, "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
    const tarball = readdirSync(dir).find((name) => name.endsWith(".tgz"));
    if (!tarball) throw new Error(`npm pack ${PACKAGE}@${version} left no tarball in ${dir}`);
    execFileSync("tar", ["xzf", tarball, `package/${SPEC_FILE}`], { cwd: dir });
    return JSON.parse(readFileSync(path.join(dir, "package", SPEC_FILE), "utf8")) as Description;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "GET /orgs/{org}/repos" for every answer the replay server can give, over every fixture. */
function servedRoutes(): string[] {
  const fixtures = readdirSync(GITHUB_FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  const routes = fixtures.flatMap((fixture) => renderedResponses(fixture.name, "http://127.0.0.1:1").map((response) => response.route));
  return [...new Set(routes)].sort();
}

/** `#/components/<kind>/<name>` → [kind, name]; JSON-pointer escapes undone. */
function componentOf(ref: string): [string, string] {
  const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
  if (!match) throw new Error(`$ref ${ref} does not name a component; the extract cannot keep it resolvable`);
  const unescape = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");
  return [unescape(match[1]), unescape(match[2])];
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((child) => refsIn(child, found));
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") found.push(child);
      else refsIn(child, found);
    }
  }
  return found;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}

function extract(description: Description, routes: string[]) {
  const paths: Record<string, Record<string, { responses: Record<string, { content: { "application/json": { schema: unknown } } }> }>> = {};
  const pending: string[] = [];
  for (const route of routes) {
    const [method, template] = route.split(" ");
    const operation = description.paths[template]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${route} is not an operation of GitHub's REST API in ${PACKAGE}@${version}`);
    const responses: Record<string, { content: { "application/json": { schema: unknown } } }> = {};
    for (const [status, declared] of Object.entries(operation.responses)) {
      if (!/^2\d\d$/.test(status)) continue;
      // a response may itself be a shared component; inline it so every operation reads the same way
      const response = declared.$ref ? (description.components.responses[componentOf(declared.$ref)[1]] as Response) : declared;
      const schema = response.content?.["application/json"]?.schema;
      if (schema === undefined) continue;
      responses[status] = { content: { "application/json": { schema } } };
      pending.push(...refsIn(schema));
    }
    if (Object.keys(responses).length === 0) throw new Error(`${route} has no JSON success response in ${PACKAGE}@${version}`);
    (paths[template] ??= {})[method.toLowerCase()] = { responses };
  }
  const components: Record<string, Record<string, unknown>> = {};
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    const [kind, name] = componentOf(ref);
    if (components[kind]?.[name] !== undefined) continue;
    const definition = description.components[kind]?.[name];
    if (definition === undefined) throw new Error(`$ref ${ref} names nothing in ${PACKAGE}@${version}`);
    (components[kind] ??= {})[name] = definition;
    pending.push(...refsIn(definition));
  }
  return sortedKeys({
    openapi: description.openapi,
    info: { title: description.info.title, version: description.info.version },
    "x-extracted-from": { package: `${PACKAGE}@${version}`, file: SPEC_FILE, command: "npx tsx scripts/extract-github-openapi.ts" },
    paths,
    components,
  });
}

const routes = servedRoutes();
const subset = extract(fetchDescription(), routes);
writeFileSync(OUTPUT, `${JSON.stringify(subset, null, 2)}\n`);
console.log(`${path.relative(process.cwd(), OUTPUT)}: ${routes.length} operations from ${PACKAGE}@${version}`);
