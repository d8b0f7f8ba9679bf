import { describe, expect, it } from "vitest";
import { redactedPrefix, scanCredentials, shannonEntropy } from "./scan-credentials";

// Credential-shaped values are built at run time so that no live-looking string is committed.
const npmToken = "npm_" + "aB3dE5gH7jK9".repeat(3);
const ghToken = "ghp_" + "Zx9Yw8Vu7Ts6".repeat(3);
const awsKeyId = "AKIA" + "Q7W3E5R7T9Y2U4I6";
const randomSecret = "q8Zr2LmX9vPa4TnK7cWd1YsB6hFj3GeU5oNi0Rt";

const scan = (content: string, path = "repo/.npmrc") => scanCredentials({ path, content });

describe("scanCredentials", () => {
  it("refuses an npm token and names the file and line", () => {
    const errors = scan(`registry=https://registry.example.invalid/\n//registry.example.invalid/:_authToken=${npmToken}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "repo/.npmrc", line: 2 });
    expect(errors[0].message).toContain("npm token");
  });

  it("never repeats more than six characters of the value", () => {
    const [error] = scan(`token: ${ghToken}`);
    expect(error.message).toContain("(ghp_Zx…)");
    expect(error.message).not.toContain(ghToken.slice(0, 7));
  });

  it("finds AWS key ids, Slack tokens, fine-grained PATs and PEM private keys", () => {
    const content = [
      `aws: ${awsKeyId}`,
      `slack: ${"xoxb-" + "1234567890-abcdefghij"}`,
      `pat: ${"github_pat_" + "A1b2C3d4E5".repeat(3)}`,
      `${"-----BEGIN " + "RSA PRIVATE KEY-----"}`,
    ].join("\n");
    expect(scan(content).map((error) => error.line)).toEqual([1, 2, 3, 4]);
  });

  it("refuses a high-entropy string in a value field", () => {
    const errors = scan(JSON.stringify({ secrets: [{ name: "DB_PASSWORD", value: randomSecret }] }, null, 2), "inventory.json");
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(5);
    expect(errors[0].message).toContain('"value"');
  });

  it("accepts integrity hashes, commit SHAs, purls and secret expressions", () => {
    const content = [
      `"integrity": "sha512-${"Ab9+Cd8/Ef7=".repeat(7)}"`,
      `"token": "${"0123456789abcdef".repeat(4)}"`,
      `NPM_TOKEN: \${{ secrets.NPM_TOKEN_ELEVATED_FOR_RELEASES_2025 }}`,
      `"value": "pkg:npm/%40ctrl/tinycolor@4.1.1?repository_url=x"`,
      `password: correct-horse-battery-staple-words-here`,
      `"token-lib": "github:someone/token-lib#9fA3kQ7zL1xW5vB8nM2cR4tY6uI0oP3a"`,
    ].join("\n");
    expect(scan(content)).toEqual([]);
  });

  it("reports a long low-entropy value as harmless", () => {
    expect(shannonEntropy("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).toBe(0);
    expect(scan(`token = ${"ab".repeat(20)}`)).toEqual([]);
  });

  it("shortens a prefix for short values so most of the value stays hidden", () => {
    expect(redactedPrefix("abcdefghij")).toBe("ab…");
  });
});
