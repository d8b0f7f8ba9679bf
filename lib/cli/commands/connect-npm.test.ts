import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRoutes, startReplayServer } from "@/test/connectors/replay-server";
import { CliError } from "../cli-error";
import { parseConnectArgs } from "./connect";

// The arguments of `blastmap connect npm`: the scope, where the token comes from, the registry.

const connectNpmConnector = (argv: string[], env: Record<string, string | undefined>) => parseConnectArgs(["npm", ...argv], env).connector;

const usageError = (run: () => unknown, message: string) => {
  expect(run).toThrow(CliError);
  expect(run).toThrow(message);
};

describe("blastmap connect npm arguments", () => {
  it("needs a scope, and makes an npm connector for it", () => {
    usageError(() => connectNpmConnector([], {}), "name what to read: --scope for npm");
    const connector = connectNpmConnector(["--scope", "Acme", "--public-only"], {});
    expect([connector.kind, connector.target]).toEqual(["npm", "@acme"]);
  });

  it("refuses what is not an npm scope, registry URL or version count", () => {
    usageError(() => connectNpmConnector(["--scope", "@a/b"], {}), '"@a/b" is not an npm scope');
    usageError(() => connectNpmConnector(["--scope", "@acme", "--registry", "file:///etc/passwd"], {}), "--registry must be an http(s) URL");
    usageError(() => connectNpmConnector(["--scope", "@acme", "--versions", "0"], {}), "--versions takes a whole number from 1 to 100");
  });

  it("says so when the variable --token-env names is not set", () => {
    usageError(
      () => connectNpmConnector(["--scope", "@acme", "--token-env", "ACME_NPM"], { NPM_TOKEN: "other" }),
      "--token-env ACME_NPM: that environment variable is not set",
    );
    usageError(() => connectNpmConnector(["--scope", "@acme", "--token-env", "A B"], {}), "--token-env takes an environment variable's name");
    expect(connectNpmConnector(["--scope", "@acme", "--token-env", "ACME_NPM"], { ACME_NPM: "value" }).target).toBe("@acme");
  });

  it("sends the token from that variable to the registry given", async () => {
    const fixtures = path.resolve(import.meta.dirname, "../../../test/fixtures/connectors/npm");
    // the CLI asks for the registry's largest page (250); the recorded pages hold two packages each
    const pages = ["search-0.json", "search-2.json"].map(
      (file) => JSON.parse(readFileSync(path.join(fixtures, file), "utf8")) as { objects: unknown[]; total: number },
    );
    const onePage = { objects: pages.flatMap((page) => page.objects), total: pages[0]!.total };
    const server = await startReplayServer(fixtures, {
      ...readRoutes(fixtures),
      "GET /-/v1/search?text=scope%3Asigstore&size=250&from=0": { status: 200, body: onePage },
    });
    try {
      const connector = connectNpmConnector(["--scope", "@sigstore", "--registry", server.url, "--token-env", "ACME_NPM", "--versions", "1"], {
        ACME_NPM: "from-env",
      });
      const run = await connector.collect(() => {});
      expect(run.counts).toMatchObject({ packages: 3, versions: 3 });
      expect(new Set(server.authorizations)).toEqual(new Set(["Bearer from-env"]));
    } finally {
      await server.close();
    }
  });
});
