import { packageVersionKey, secretKey } from "@/lib/graph-keys/refs";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";

// A graph small enough to read at a glance: chalk with one version, and a repository's npm token.
// Tests of marking and of ref resolution through the API store it.

export const chalk = packageVersionKey("npm", "chalk", "5.6.1");
export const npmToken = secretKey("acme/web", "NPM_TOKEN");

export const chalkAndTokenGraph: TGraphDocument = {
  key: "test:chalk-and-token",
  format: "test",
  nodes: [
    { kind: "package", key: "pkg:npm/chalk", name: "chalk", attrs: { ecosystem: "npm", name: "chalk", purl: "pkg:npm/chalk" } },
    { kind: "packageVersion", key: chalk, name: "chalk@5.6.1", attrs: { packageKey: "pkg:npm/chalk", version: "5.6.1", purl: chalk } },
    { kind: "secret", key: npmToken, name: "NPM_TOKEN", attrs: { secretName: "NPM_TOKEN", secretType: "npm", storedIn: "ciSecret" } },
  ],
  edges: [{ kind: "VERSION_OF", from: chalk, to: "pkg:npm/chalk" }],
};
