import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSources } from "../parse-sources";
import { scanCredentials } from "./scan-credentials";
import { REAL_FIXTURES } from "@/test/fixture-tree";

// No false refusals on what the tools teams use really print: each fixture here is the unedited output
// of the tool (fixtures/README.md says which command made it), and each must pass the scan.

const fixtures = path.join(import.meta.dirname, "fixtures");
const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

describe("real tool outputs are not taken for credentials", () => {
  it("accepts the CycloneDX npm generator's SBOM of this project, node_modules path properties and all", () => {
    const content = read("cyclonedx-npm.blastmap.cdx.json");
    expect(content).toContain('"value": "node_modules/baseline-browser-mapping"');
    expect(scanCredentials({ path: "sbom/blastmap.cdx.json", content })).toEqual([]);
    const parsed = parseSources([{ path: "sbom/blastmap.cdx.json", content }], { repo: "acme/blastmap" });
    expect(parsed.errors).toEqual([]);
    expect(parsed.filesByFormat).toEqual({ cyclonedx: 1 });
  });

  it("accepts npm ls --all --json of this project", () => {
    expect(scanCredentials({ path: "npm-ls.json", content: read("npm-ls-all.blastmap.json") })).toEqual([]);
  });

  it("accepts GitHub REST API answers, including GitHub's documented example tokens and public keys", () => {
    const content = read("github-rest-api-examples.json");
    expect(content).toContain('"temp_clone_token"');
    expect(scanCredentials({ path: "github-api.json", content })).toEqual([]);
  });

  it("accepts a workflow that sets GIT_AUTHOR_EMAIL to the github-actions bot's address", () => {
    const content = read("workflows/check-external-data.yml");
    const file = { path: "flathub-app/.github/workflows/check-external-data.yml", content };
    expect(scanCredentials(file)).toEqual([]);
    expect(parseSources([file]).errors).toEqual([]);
  });

  it("accepts AWS's documented example key pair", () => {
    // AWS's documentation pair, assembled at run time so the source holds no key-shaped string
    const keyId = ["AKIA", "IOSFODNN7", "EXAMPLE"].join("");
    const secret = ["wJalrXUtnFEMI", "K7MDENG", "bPxRfiCYEXAMPLEKEY"].join("/");
    const content = `[default]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secret}\n`;
    expect(scanCredentials({ path: "aws/credentials", content })).toEqual([]);
    const json = JSON.stringify({
      env: [
        { name: "AWS_ACCESS_KEY_ID", value: keyId },
        { name: "AWS_SECRET_ACCESS_KEY", value: secret },
      ],
    });
    expect(scanCredentials({ path: "task.json", content: json })).toEqual([]);
  });
});

// Real public samples (../shared/fixtures/real, SOURCES.md), read in place and never copied in.
const realDirectory = REAL_FIXTURES;
const realFiles = existsSync(realDirectory)
  ? readdirSync(realDirectory, { recursive: true, encoding: "utf8" }).filter((file) => /\.(?:ya?ml|json|lock|npmrc)$/i.test(file))
  : [];
if (realFiles.length === 0) console.info(`skipping the credential scan of real public samples: ${realDirectory} is absent or empty`);

describe.skipIf(realFiles.length === 0)("real public samples are not taken for credentials", () => {
  it.each(realFiles)("accepts %s", (file) => {
    expect(scanCredentials({ path: file, content: readFileSync(path.join(realDirectory, file), "utf8") })).toEqual([]);
  });
});
