import { validRange } from "semver";
import { isRecord, jsonPath } from "../source/parse-json-source";
import type { TFileProblem } from "@/lib/schemas/input-problem";

// package.json says which versions a fresh `npm install` may pick; the lockfile says which one is
// pinned today. Keeping the declared ranges lets Blastmap warn when a compromised version is
// allowed by a range although the lockfile does not pin it ("would install on a fresh resolve").

export interface DeclaredDependency {
  name: string;
  /** as written: ^5.4.3, ~1.2, 1.x, a tag, a git or file spec */
  range: string;
  dev: boolean;
  optional: boolean;
  /** the range is a semver range (not a tag, URL, file: or workspace: spec) */
  semver: boolean;
}

export interface ParsedPackageJson {
  name: string | null;
  dependencies: DeclaredDependency[];
  /** `"private": true`: npm refuses to publish it */
  private: boolean;
  /** `workspaces` globs (the array form or `{ packages: [...] }`) */
  workspaces: string[];
}

export type PackageJsonParse = { ok: true; packageJson: ParsedPackageJson } | { ok: false; errors: TFileProblem[] };

const SECTIONS = [
  ["dependencies", false, false],
  ["optionalDependencies", false, true],
  ["devDependencies", true, false],
] as const;

export function parsePackageJson(file: string, value: unknown): PackageJsonParse {
  if (!isRecord(value)) return { ok: false, errors: [{ file, path: "$", message: "a package.json must be a JSON object" }] };
  const errors: TFileProblem[] = [];
  const byName = new Map<string, DeclaredDependency>();
  for (const [section, dev, optional] of SECTIONS) {
    const declared = value[section];
    if (declared === undefined) continue;
    if (!isRecord(declared)) {
      errors.push({ file, path: jsonPath([section]), message: `${section} must map package names to version ranges` });
      continue;
    }
    for (const [name, range] of Object.entries(declared)) {
      if (typeof range !== "string") {
        errors.push({ file, path: jsonPath([section, name]), message: "a dependency's version range must be a string" });
        continue;
      }
      // The prod entry wins over a dev entry of the same name: it is installed either way.
      if (byName.has(name) && dev) continue;
      byName.set(name, { name, range, dev, optional, semver: validRange(range) !== null });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const workspaces = Array.isArray(value.workspaces)
    ? value.workspaces
    : isRecord(value.workspaces) && Array.isArray(value.workspaces.packages)
      ? value.workspaces.packages
      : [];
  return {
    ok: true,
    packageJson: {
      name: typeof value.name === "string" ? value.name : null,
      dependencies: [...byName.values()],
      private: value.private === true,
      workspaces: workspaces.filter((glob): glob is string => typeof glob === "string"),
    },
  };
}
