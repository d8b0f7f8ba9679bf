import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The engine is the pure domain: the database layer loads rows into it, the CLI, API and pages
// present what it returns. It must not reach for Prisma, Next.js, React, the DOM or lib/data.
const FORBIDDEN = [/^next(\/|$)/, /^react(-dom)?(\/|$)/, /^@prisma\//, /lib\/generated\//, /^cytoscape/, /^@\/lib\/(data|db|database|auth)(\/|$)/, /^server-only$/];

describe("lib/engine boundaries", () => {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const files = readdirSync(dir).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));

  it.each(files)("%s imports nothing from Prisma, Next.js, React, the DOM or lib/data", (file) => {
    const source = readFileSync(path.join(dir, file), "utf8");
    const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1]);
    expect(imports.filter((spec) => FORBIDDEN.some((pattern) => pattern.test(spec)))).toEqual([]);
    expect(source).not.toMatch(/\b(document|window)\./);
  });
});
