import { describe, expect, it } from "vitest";
import { parseUses } from "./actions";

describe("parseUses", () => {
  it("keys an action by owner/repo and keeps the sub-path and ref", () => {
    expect(parseUses("changesets/action/publish@v2")).toMatchObject({ kind: "remote", slug: "changesets/action", path: "publish", ref: "v2", pinned: false });
  });

  it("only a full 40-hex commit SHA is pinned", () => {
    expect(parseUses(`actions/checkout@${"0123456789abcdef".repeat(3).slice(0, 40)}`)).toMatchObject({ pinned: true, firstParty: true });
    expect(parseUses("actions/checkout@8e8c483")).toMatchObject({ pinned: false });
    expect(parseUses("dtolnay/rust-toolchain@stable")).toMatchObject({ pinned: false, firstParty: false });
  });

  it("recognises local, self-repository, docker and reusable-workflow forms", () => {
    expect(parseUses("./.github/actions/setup")).toEqual({ kind: "local", path: "./.github/actions/setup" });
    expect(parseUses("$/.github/actions/ci-setup")).toEqual({ kind: "local", path: "$/.github/actions/ci-setup" });
    expect(parseUses("docker://alpine:3")).toEqual({ kind: "docker", image: "alpine:3" });
    expect(parseUses("prisma/.github/.github/workflows/secret_detection.yml@main")).toMatchObject({ slug: "prisma/.github", reusableWorkflow: true });
    expect(parseUses("nonsense")).toEqual({ kind: "invalid", uses: "nonsense" });
  });
});
