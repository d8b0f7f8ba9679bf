import { describe, expect, it } from "vitest";
import { repositoryOfKey } from "./repository-of-key";

describe("repository of a node key", () => {
  it("a repository's CI secret belongs to its repository", () => {
    expect(repositoryOfKey("secret:acme/ui-kit:NPM_TOKEN")).toBe("acme/ui-kit");
    expect(repositoryOfKey("secret:acme/api-server:GITHUB_TOKEN@deploy.yml/deploy")).toBe("acme/api-server");
  });

  it("a secret named without a repository belongs to none", () => {
    expect(repositoryOfKey("secret:AWS_PROD")).toBeNull();
  });

  it("a CI job and its workflow token belong to the job's repository", () => {
    expect(repositoryOfKey("context:acme/infra/terraform.yml/apply")).toBe("acme/infra");
    expect(repositoryOfKey("identity:github-token:acme/infra/terraform.yml/apply")).toBe("acme/infra");
  });

  it("workstations, applications, actions and packages belong to none", () => {
    expect(repositoryOfKey("context:workstation/alice-laptop")).toBeNull();
    expect(repositoryOfKey("context:application/shop")).toBeNull();
    expect(repositoryOfKey("action:tj-actions/changed-files")).toBeNull();
    expect(repositoryOfKey("pkg:npm/%40acme/ui-kit")).toBeNull();
    expect(repositoryOfKey("identity:release-bot")).toBeNull();
  });
});
