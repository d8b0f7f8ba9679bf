import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { GITHUB_FIXTURES, renderedResponses } from "./github-replay-server";

// The replay server's answers cannot drift from the real API: each one — recorded, or a git tree
// or blob built from the fixture's files — is validated against the response schema of its
// operation in GitHub's published OpenAPI description. The tests read the part of it they need,
// extracted from @octokit/openapi by scripts/extract-github-openapi.ts (the README beside the
// fixtures says how), rather than installing the 385 MB package.

const spec = JSON.parse(readFileSync(path.join(GITHUB_FIXTURES, "openapi-subset.json"), "utf8")) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
};
const operations = Object.entries(spec.paths).flatMap(([template, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${template}`));

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: Ajv reads it only beside a `type`, and GitHub's
 * description also puts it beside `allOf`/`$ref` (an installation's `suspended_by`).
 */
function withNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withNulls);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).map(([key, child]) => [key, withNulls(child)] as const);
  const schema = Object.fromEntries(entries) as Record<string, unknown>;
  if (schema.nullable !== true || "type" in schema) return schema;
  const { nullable: _, ...rest } = schema;
  return { anyOf: [rest, { type: "null" }] };
}

// OpenAPI 3.0 schemas carry keywords JSON Schema does not know (example, x-github, discriminator).
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats.default(ajv);
ajv.addSchema(withNulls(spec) as object, "github");

const pointer = (...segments: string[]) => segments.map((segment) => segment.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

function validatorFor(route: string, status: number) {
  const [method, path] = route.split(" ");
  const operation = spec.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${route} is not in openapi-subset.json: run scripts/extract-github-openapi.ts`);
  if (!operation.responses[String(status)]?.content?.["application/json"]) throw new Error(`${route} has no JSON ${status} response`);
  return ajv.getSchema(`github#/${pointer("paths", path, method.toLowerCase(), "responses", String(status), "content", "application/json", "schema")}`)!;
}

describe("the GitHub replay fixtures follow GitHub's OpenAPI description", () => {
  const responses = renderedResponses("octo-demo", "http://127.0.0.1:1");

  it("covers every operation the connector calls", () => {
    expect(new Set(responses.map((response) => response.route))).toEqual(
      new Set([
        "GET /orgs/{org}/repos",
        "GET /orgs/{org}/actions/permissions/workflow",
        "GET /orgs/{org}/actions/secrets",
        "GET /orgs/{org}/actions/secrets/{secret_name}/repositories",
        "GET /orgs/{org}/actions/runner-groups",
        "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/runners",
        "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories",
        "GET /orgs/{org}/installations",
        "GET /orgs/{org}/personal-access-tokens",
        "GET /repos/{owner}/{repo}/actions/permissions/workflow",
        "GET /repos/{owner}/{repo}/actions/secrets",
        "GET /repos/{owner}/{repo}/environments",
        "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets",
        "GET /repos/{owner}/{repo}/keys",
        "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
        "GET /repos/{owner}/{repo}/git/blobs/{file_sha}",
      ]),
    );
  });

  it("the extract holds exactly the operations the replay server answers", () => {
    // every fixture, so a new one cannot add an endpoint the extract (and so this test) lacks
    const fixtures = readdirSync(GITHUB_FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const served = fixtures.flatMap((fixture) => renderedResponses(fixture.name, "http://127.0.0.1:1").map((response) => response.route));
    expect(new Set(operations)).toEqual(new Set(served));
  });

  it.each(responses.map((response) => [`${response.path}${response.page ? ` page ${response.page}` : ""}`, response] as const))("%s", (_, response) => {
    const validate = validatorFor(response.route, response.status);
    const valid = validate(response.body);
    expect(validate.errors ?? [], `${response.route}: ${ajv.errorsText(validate.errors)}`).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the validation bites: a secret without its visibility is refused", () => {
    const validate = validatorFor("GET /orgs/{org}/actions/secrets", 200);
    expect(validate({ total_count: 1, secrets: [{ name: "NPM_TOKEN", created_at: "2025-01-15T10:00:00Z", updated_at: "2025-01-15T10:00:00Z" }] })).toBe(false);
  });

  it("the validation bites on built answers too: a blob whose size is a string is refused", () => {
    const blob = responses.find((response) => response.route === "GET /repos/{owner}/{repo}/git/blobs/{file_sha}")!;
    const validate = validatorFor(blob.route, 200);
    expect(validate(blob.body)).toBe(true);
    expect(validate({ ...(blob.body as object), size: "12" })).toBe(false);
  });
});
