import { describe, expect, it } from "vitest";
import { findSecretReferences, secretTypeOf } from "./secret-references";

const names = (text: string) => findSecretReferences(text).map((reference) => reference.name);

describe("findSecretReferences", () => {
  it("reads property and index syntax in any case and spacing, upper-casing the name", () => {
    expect(names("${{secrets.npm_token}}")).toEqual(["NPM_TOKEN"]);
    expect(names("${{   secrets . A  }} and ${{ secrets['b-c'] }} and ${{ Secrets.D }}")).toEqual(["A", "B-C", "D"]);
  });

  it("names every secret of a `||` fallback", () => {
    expect(names("${{ secrets.OPENAI_NPM_TOKEN || secrets.NPM_TOKEN }}")).toEqual(["OPENAI_NPM_TOKEN", "NPM_TOKEN"]);
  });

  it("treats github.token as the built-in GITHUB_TOKEN and ignores text outside expressions", () => {
    expect(names("${{ github.token }} secrets.NOT_AN_EXPRESSION $NPM_TOKEN")).toEqual(["GITHUB_TOKEN"]);
  });

  it("reports the offset of each reference", () => {
    const text = "x: ${{ secrets.A }}";
    expect(findSecretReferences(text)[0].index).toBe(text.indexOf("secrets.A"));
  });
});

describe("secretTypeOf", () => {
  it("guesses the kind of credential from its name", () => {
    expect(secretTypeOf("NPM_TOKEN_ELEVATED")).toBe("npm-token");
    expect(secretTypeOf("NODE_AUTH_TOKEN")).toBe("npm-token");
    expect(secretTypeOf("PRISMA_CLI_DISPATCH_PAT")).toBe("github-pat");
    expect(secretTypeOf("RELEASE_BOT_GITHUB_TOKEN")).toBe("github-pat");
    expect(secretTypeOf("AWS_ACCESS_KEY_ID")).toBe("aws");
    expect(secretTypeOf("REDDIT_PASSWORD")).toBe("generic");
  });
});
