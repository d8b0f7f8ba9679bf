import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layers of docs/ARCHITECTURE.md are enforced by `npm run lint` (eslint.config.mjs). These
// cases prove the rule bites: each lints a small in-memory file placed in a layer and expects the
// layer's error, so a config change that silently allowed everything would fail here.

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "..") });
});

async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe("layer rules", () => {
  it("the engine may not import the database client", async () => {
    expect(await problems("lib/engine/probe.ts", 'import { getDatabase } from "@/lib/db";\nexport const probe = getDatabase;\n')).toEqual([
      "boundaries/dependencies: engine may not import database (docs/ARCHITECTURE.md, layers)",
    ]);
  });

  it("the engine may not import lib/ingest: node keys come from lib/graph-keys", async () => {
    const source =
      'import { packageKey } from "@/lib/graph-keys/refs";\nimport { isWorkflow } from "@/lib/ingest/workflow/parse-workflow";\nexport const probe = [packageKey, isWorkflow];\n';
    expect(await problems("lib/engine/probe.ts", source)).toEqual(["boundaries/dependencies: engine may not import ingest (docs/ARCHITECTURE.md, layers)"]);
  });

  it("the engine knows nothing of React or the browser", async () => {
    const found = await problems("lib/engine/probe.ts", 'import { useState } from "react";\nexport const probe = [useState, window.location];\n');
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^no-restricted-imports: .*Next\.js or React/);
    expect(found[1]).toMatch(/^no-restricted-globals: .*window/);
  });

  it("lib/data may take the engine's types but never call it", async () => {
    const typeOnly = 'import type { EngineAnswer } from "@/lib/engine/blast-radius";\nexport type Probe = EngineAnswer<number>;\n';
    expect(await problems("lib/data/graph/probe.ts", typeOnly)).toEqual([]);
    const call = 'import { blastRadius } from "@/lib/engine/blast-radius";\nexport const probe = blastRadius;\n';
    expect(await problems("lib/data/graph/probe.ts", call)).toEqual(["boundaries/dependencies: data may not import engine (docs/ARCHITECTURE.md, layers)"]);
  });

  it("lib/data does not reach up into services, the auth guard or HTTP helpers", async () => {
    const source = [
      'import { computeRadius } from "@/lib/services/radius/compute-radius";',
      'import { authorizeRequest } from "@/lib/auth/guard";',
      'import { problemResponse } from "@/lib/http/problem-response";',
      "export const probe = [computeRadius, authorizeRequest, problemResponse];",
      "",
    ].join("\n");
    expect(await problems("lib/data/graph/probe.ts", source)).toEqual([
      "boundaries/dependencies: data may not import services (docs/ARCHITECTURE.md, layers)",
      "boundaries/dependencies: data may not import auth-guard (docs/ARCHITECTURE.md, layers)",
      "boundaries/dependencies: data may not import http (docs/ARCHITECTURE.md, layers)",
    ]);
  });

  it("a component takes server actions from lib/actions and never imports lib/data or the guard", async () => {
    const source = [
      'import { openIncidentAction } from "@/lib/actions/incidents";',
      'import { listIncidents } from "@/lib/data/incidents/list-incidents";',
      'import { requirePagePermission } from "@/lib/auth/guard";',
      "export const probe = [openIncidentAction, listIncidents, requirePagePermission];",
      "",
    ].join("\n");
    expect(await problems("components/incidents/probe.tsx", source)).toEqual([
      "boundaries/dependencies: components may not import data (docs/ARCHITECTURE.md, layers)",
      "boundaries/dependencies: components may not import auth-guard (docs/ARCHITECTURE.md, layers)",
    ]);
  });

  it("a connector collects from the network and never touches the database or the import services", async () => {
    const source = [
      'import { mapNpmScope } from "@/lib/ingest/connectors/npm/map-npm-scope";',
      'import { getDb } from "@/lib/db";',
      'import { importSources } from "@/lib/services/import/import-sources";',
      "export const probe = [mapNpmScope, getDb, importSources];",
      "",
    ].join("\n");
    expect(await problems("lib/connectors/npm/probe.ts", source)).toEqual([
      "boundaries/dependencies: connectors may not import database (docs/ARCHITECTURE.md, layers)",
      "boundaries/dependencies: connectors may not import services (docs/ARCHITECTURE.md, layers)",
    ]);
  });
});
