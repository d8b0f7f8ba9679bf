import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, roleAllows, type Permission } from "@/lib/auth/permissions";

// Server actions are mutating endpoints too. Each must open with the guard, for a permission that
// the read-only roles do not hold; found by walking lib/actions/ (their home) and app/ (in case one
// is written inline), so a new action is checked without anyone listing it. (The guard itself is exercised per role in the access-control tests.)

// Sign-in and first-run setup are reachable before anyone is signed in, by design.
const PUBLIC_ACTION_FILES = new Set(["lib/actions/sign-in.ts", "lib/actions/setup.ts"]);

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return serverActionFiles(file);
    return /\.(ts|tsx)$/.test(entry) && /^["']use server["']/m.test(readFileSync(file, "utf8")) ? [file] : [];
  });
}

function exportedActions(source: string): { name: string; body: string }[] {
  const matches = [...source.matchAll(/export async function (\w+)\s*\([^)]*\)[^{]*\{/g)];
  return matches.map((match, i) => ({ name: match[1], body: source.slice(match.index! + match[0].length, matches[i + 1]?.index ?? source.length) }));
}

const files = ["lib/actions", "app"].flatMap((dir) => serverActionFiles(dir)).filter((file) => !PUBLIC_ACTION_FILES.has(file.split(path.sep).join("/")));

describe("server actions", () => {
  it("there are guarded server actions to check", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    for (const action of exportedActions(readFileSync(file, "utf8"))) {
      it(`${file} ${action.name} starts with requireActionPermission for a permission read-only roles lack`, () => {
        const first = action.body
          .split("\n")
          .map((line) => line.trim())
          .find((line) => line && !line.startsWith("//"));
        const permission = first?.match(/await requireActionPermission\("([\w:]+)"\)/)?.[1] as Permission | undefined;
        expect(permission, `first statement of ${action.name}: ${first}`).toBeDefined();
        expect(Object.keys(PERMISSIONS)).toContain(permission);
        for (const role of ["viewer", "auditor"] as const) expect(roleAllows(role, permission!)).toBe(false);
        expect(ROLES.some((role) => roleAllows(role, permission!))).toBe(true);
      });
    }
  }
});
