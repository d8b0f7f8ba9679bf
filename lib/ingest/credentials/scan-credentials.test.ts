import { describe, expect, it } from "vitest";
import { parseSources } from "../parse-sources";
import { credentialScanner, redactedPrefix, scanCredentials, scanFilePath, scanRepositoryNames, shannonEntropy } from "./scan-credentials";

// Credential-shaped values are built at run time (random-looking bodies from a fixed seed) so that
// no live-looking string is committed.
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function fakeBody(length: number, seed: number, alphabet = ALNUM): string {
  // mulberry32: a small, well-spread generator, so the bodies look as random as real ones
  let state = seed >>> 0;
  let body = "";
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    body += alphabet[((t ^ (t >>> 14)) >>> 0) % alphabet.length];
  }
  // at least one digit and one letter, as real token bodies have
  return `${body.slice(0, -2)}7q`;
}
const pemHeader = (kind: string) => `${"-".repeat(5)}BEGIN ${kind}${"-".repeat(5)}`;

const npmToken = "npm_" + "aB3dE5gH7jK9".repeat(3);
const ghToken = "ghp_" + "Zx9Yw8Vu7Ts6".repeat(3);
const awsKeyId = "AKIA" + "Q7W3E5R7T9Y2U4I6";
const randomSecret = fakeBody(39, 1);

const scan = (content: string, path = "repo/.npmrc") => scanCredentials({ path, content });

/** No 8 characters in a row of the token appear anywhere in what the scan returns (the prefix shown is 6). */
function expectRedacted(result: unknown, token: string) {
  const shown = JSON.stringify(result);
  for (let i = 0; i + 8 <= token.length; i += 1) expect(shown, `"${token.slice(i, i + 8)}" of the token is shown`).not.toContain(token.slice(i, i + 8));
}

describe("scanCredentials", () => {
  it("refuses an npm token and names the file and line", () => {
    const errors = scan(`registry=https://registry.example.invalid/\n//registry.example.invalid/:_authToken=${npmToken}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "repo/.npmrc", line: 2 });
    expect(errors[0].message).toContain("npm token");
  });

  it("never repeats more than six characters of the value", () => {
    const errors = scan(`token: ${ghToken}`);
    expect(errors[0].message).toContain("(ghp_Zx…)");
    expectRedacted(errors, ghToken);
  });

  it("finds AWS key ids, Slack tokens, fine-grained PATs and PEM private keys", () => {
    const content = [
      `aws: ${awsKeyId}`,
      `slack: ${"xoxb-" + "1234567890-abcdefghij"}`,
      `pat: ${"github_pat_" + "A1b2C3d4E5".repeat(3)}`,
      pemHeader("RSA PRIVATE KEY"),
    ].join("\n");
    expect(scan(content).map((error) => error.line)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ["Stripe secret key", "sk_" + "live_" + fakeBody(24, 2)],
    ["Anthropic API key", "sk-" + "ant-api03-" + fakeBody(46, 3)],
    ["OpenAI API key", "sk-" + "proj-" + fakeBody(46, 4)],
    ["JSON Web Token", "eyJ" + "hbGciOiJIUzI1NiJ9" + ".eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0" + "." + fakeBody(43, 5)],
    ["private key", pemHeader("PGP PRIVATE KEY BLOCK")],
    ["Google API key", "AIza" + "Sy" + fakeBody(33, 6)],
  ])("finds a %s", (label, token) => {
    const errors = scan(`value: ${token}\n`, "config.txt");
    expect(errors).toMatchObject([{ line: 1, message: expect.stringContaining(label) }]);
    expectRedacted(errors, token);
  });

  it("finds an AWS secret access key beside its key id", () => {
    const secretKey = fakeBody(19, 7) + "/" + fakeBody(18, 8) + "+M";
    const errors = scan(`[default]\nid = ${awsKeyId}\nsk = ${secretKey}\n`, "credentials");
    expect(errors.map((error) => [error.line, error.message.slice(0, 40)])).toEqual([
      [2, "looks like a live AWS access key id (AKI"],
      [3, "looks like a live AWS secret access key "],
    ]);
    expectRedacted(errors, secretKey);
  });

  it("refuses a GCP service-account key whose PEM header is escaped, and a password inside a URL", () => {
    const header = [...pemHeader("PRIVATE KEY")].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
    const key = `{\n  "type": "service_account",\n  "private_key_id": "${"0a1b2c3d".repeat(5)}",\n  "private_key": "${header}\\nMII${fakeBody(29, 9)}\\n"\n}`;
    expect(scan(key, "gcp.json")).toMatchObject([{ line: 4, message: expect.stringContaining("private key") }]);
    const password = fakeBody(16, 10);
    const errors = scan(`{"resolved": "https://deploy:${password}@registry.example.invalid/a/-/a-1.0.0.tgz"}`, "package-lock.json");
    expect(errors).toMatchObject([{ line: 1, message: expect.stringContaining(`password in a URL (${password.slice(0, 2)}…)`) }]);
    expectRedacted(errors, password);
  });

  it("refuses a high-entropy string in a credential-named field, also when a { name, value } pair names it", () => {
    const errors = scan(JSON.stringify({ secrets: [{ name: "DB_PASSWORD", value: randomSecret }] }, null, 2), "inventory.json");
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(5);
    expect(errors[0].message).toContain('"DB_PASSWORD"');
    expectRedacted(errors, randomSecret);
  });

  it("accepts integrity hashes, commit SHAs, purls and secret expressions", () => {
    const content = [
      `"integrity": "sha512-${"Ab9+Cd8/Ef7=".repeat(7)}"`,
      `"token": "${"0123456789abcdef".repeat(4)}"`,
      `NPM_TOKEN: \${{ secrets.NPM_TOKEN_ELEVATED_FOR_RELEASES_2025 }}`,
      `"value": "pkg:npm/%40ctrl/tinycolor@4.1.1?repository_url=x"`,
      `password: correct-horse-battery-staple-words-here`,
      `"token-lib": "github:someone/token-lib#${fakeBody(32, 11)}"`,
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

describe("scanCredentials reads values as the parser will", () => {
  it("refuses a token behind a JSON \\u escape, showing only the decoded prefix", () => {
    const escaped = `ghp_\\u0041bc${ghToken.slice(7)}`;
    const decoded = `ghp_Abc${ghToken.slice(7)}`;
    const errors = scan(`{\n  "organisation": "${escaped}"\n}`, "inventory.json");
    expect(errors).toMatchObject([{ file: "inventory.json", line: 2, message: expect.stringContaining("GitHub token (ghp_Ab…)") }]);
    expectRedacted(errors, decoded);
    expectRedacted(errors, escaped);
  });

  it("refuses a token escaped in every character", () => {
    const escaped = [...npmToken].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
    const errors = scan(`{"a":\n{"b": ["x", "${escaped}"]}}`, "x.json");
    expect(errors).toMatchObject([{ line: 2, message: expect.stringContaining("npm token (npm_aB…)") }]);
    expectRedacted(errors, npmToken);
  });

  it("refuses a token in YAML double quotes with \\x and \\u escapes, and one folded over two lines", () => {
    const escapedX = `"gh\\x70_${ghToken.slice(4)}"`;
    const folded = `"${npmToken.slice(0, 20)}\\\n      ${npmToken.slice(20)}"`;
    const errors = scan(`on: push\nenv:\n  A: ${escapedX}\n  B: ${folded}\n`, "repo/.github/workflows/ci.yml");
    expect(errors.map((error) => error.line)).toEqual([3, 4]);
    expectRedacted(errors, ghToken);
    expectRedacted(errors, npmToken);
  });

  it("refuses a token written in fullwidth letters, with a zero-width space or percent-encoded", () => {
    const fullwidth = [...ghToken].map((char) => String.fromCodePoint(char.codePointAt(0)! + 0xfee0)).join("");
    const zeroWidth = `${npmToken.slice(0, 10)}\u200b${npmToken.slice(10)}`;
    const percent = `%6e%70%6d%5f${npmToken.slice(4)}`;
    const errors = scan(`a=${fullwidth}\nb=${zeroWidth}\nc=${percent}\n`, "notes.npmrc");
    expect(errors.map((error) => error.line)).toEqual([1, 2, 3]);
    expectRedacted(errors, ghToken);
    expectRedacted(errors, npmToken);
  });

  it("refuses a token used as a JSON key or a YAML key, never repeating the key in the message or the path", () => {
    const json = scan(JSON.stringify({ registries: { [ghToken]: { scope: "@acme" } } }, null, 2), "package.json");
    expect(json).toMatchObject([{ line: 3, message: expect.stringContaining("(ghp_Zx…)") }]);
    expectRedacted(json, ghToken);
    const yaml = scan(`on: push\nenv:\n  ${npmToken}_NAME: x\n`, "repo/.github/workflows/ci.yml");
    expect(yaml).toMatchObject([{ line: 3 }]);
    expectRedacted(yaml, npmToken);
  });

  it("names a credential-named field only by a redacted prefix when the name itself is long or random", () => {
    const name = `DEPLOY_TOKEN_${randomSecret}`;
    const errors = scan(JSON.stringify({ env: { [name]: randomSecret.split("").reverse().join("") } }), "x.json");
    expect(errors).toHaveLength(1);
    expectRedacted(errors, randomSecret);
    expect(errors[0].message).toContain("DEPLOY…");
  });

  it.each(["_", "-", "/", "=", '"', "'", ":", "x_", "$", "("])("finds a token right after %s", (before) => {
    for (const token of [ghToken, npmToken, awsKeyId, "github_pat_" + "A1b2C3d4E5".repeat(3), "xoxb-" + "1234567890-abcdefghij"]) {
      const errors = scan(`key${before}${token}\n`, "a.txt");
      expect(errors, `${before}${token}`).toHaveLength(1);
      expectRedacted(errors, token);
    }
  });

  it("does not take a prefix inside a longer identifier for a token", () => {
    expect(scan(`xnpm_${npmToken.slice(4)}\nTAKIA${awsKeyId.slice(4)}\nhttps://example.test/ask-${"a1B2c3D4e5".repeat(4)}\n`, "a.txt")).toEqual([]);
  });

  it("refuses a token with characters appended, EXAMPLE or padding among them", () => {
    for (const content of [`${ghToken}EXAMPLE`, `${npmToken}${"x".repeat(80)}`]) expect(scan(content, "a.txt"), content).toHaveLength(1);
  });
});

describe("credentials in names: file paths and repository names", () => {
  it("refuses a token in a file's path and shows the path redacted", () => {
    const errors = scanFilePath(`backup/${ghToken}/.github/workflows/ci.yml`);
    expect(errors).toMatchObject([{ file: "backup/ghp_Zx…/.github/workflows/ci.yml", message: expect.stringContaining("GitHub token") }]);
    expectRedacted(errors, ghToken);
    expect(scanFilePath(`up/_${npmToken.replace("npm_", "npm%5F")}.json`)).toHaveLength(1);
    expect(scanFilePath("web/.github/workflows/release-npm_publish.yml")).toEqual([]);
    const assigned = scanFilePath(`exports/NPM_TOKEN=${randomSecret}/package.json`);
    expect(assigned).toMatchObject([{ file: `exports/NPM_TOKEN=${randomSecret.slice(0, 6)}…` }]);
    expectRedacted(assigned, randomSecret);
  });

  it("refuses a token in the repo option or in a repository name found for a root", () => {
    const errors = scanRepositoryNames({
      repo: `acme/${ghToken}`,
      repoNames: { [`${npmToken}/`]: "acme/web", "api/": `https://x-access-token:${ghToken}@github.com/acme/api` },
    });
    expect(errors.map((error) => error.file)).toEqual(["--repo", "npm_aB…/", "api/"]);
    expectRedacted(errors, ghToken);
    expectRedacted(errors, npmToken);
    expect(scanRepositoryNames({ repo: "acme/web", repoNames: { "": "acme/api" } })).toEqual([]);
  });
});

describe("credentialScanner", () => {
  it("finds in a text met again, under each kind of name, what scanCredentials finds", () => {
    const scanOnce = credentialScanner();
    const texts = [`{"password": "${randomSecret}"}`, `token: "\\u0067hp_${ghToken.slice(4)}"\n`, `# ${awsKeyId}\n`];
    for (const content of [...texts, ...texts])
      for (const path of ["repo/config.json", "repo/config.yml", "repo/.npmrc"])
        expect(scanOnce({ path, content })).toEqual(scanCredentials({ path, content }));
  });
});

describe("parseSources refuses what the scan finds, wherever it is", () => {
  const workflow = "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci\n";
  const lockfile = JSON.stringify({ name: "web", lockfileVersion: 3, packages: { "": { name: "web" } } });

  it("refuses a token in the repo option before anything repeats it", () => {
    const parsed = parseSources([{ path: "package-lock.json", content: lockfile }], { repo: `acme/x_${ghToken}` });
    expect(parsed.errors).toMatchObject([{ file: "--repo", message: expect.stringContaining("(ghp_Zx…)") }]);
    expect(parsed.documents).toEqual([]);
    expectRedacted(parsed, ghToken);
  });

  it("refuses a token in an uploaded file's path, and one in a directory that would name the repository", () => {
    const parsed = parseSources([
      { path: `${ghToken}/.github/workflows/ci.yml`, content: workflow },
      { path: `web/${npmToken}.json`, content: lockfile },
    ]);
    expect(parsed.errors.map((error) => error.file)).toEqual(["ghp_Zx…/.github/workflows/ci.yml", "web/npm_aB….json"]);
    expect(parsed.documents).toEqual([]);
    expectRedacted(parsed, ghToken);
    expectRedacted(parsed, npmToken);
  });

  it("refuses every file holding a text already met, each under its own name", () => {
    const leaky = `${workflow}        env:\n          NPM_TOKEN: "${npmToken}"\n`;
    const parsed = parseSources([
      { path: "web/.github/workflows/ci.yml", content: leaky },
      { path: "api/.github/workflows/ci.yml", content: leaky },
      { path: "api/.github/workflows/ci.yaml", content: leaky },
    ]);
    expect(parsed.errors).toEqual(
      ["web/.github/workflows/ci.yml", "api/.github/workflows/ci.yml", "api/.github/workflows/ci.yaml"].map((file) => ({
        file,
        line: 8,
        message: expect.stringContaining("(npm_aB…)"),
      })),
    );
    expectRedacted(parsed, npmToken);
  });

  it("refuses an escaped token in an inventory file", () => {
    const parsed = parseSources([
      { path: "inventory.json", content: `{"blastmapInventory": 1, "organisation": "\\u006e\\u0070\\u006d_${npmToken.slice(4)}"}` },
    ]);
    expect(parsed.errors).toMatchObject([{ file: "inventory.json", message: expect.stringContaining("(npm_aB…)") }]);
    expectRedacted(parsed, npmToken);
  });
});
