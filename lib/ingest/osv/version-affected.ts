import { compare, valid } from "semver";
import type { TOsvAffected } from "@/lib/schemas/osv";

// OSV range evaluation (https://ossf.github.io/osv-schema/#evaluation): walk the events in version
// order; `introduced` opens an affected span ("0" = from the first version), `fixed` and `limit`
// close it before that version, `last_affected` closes it after. npm's ECOSYSTEM order is semver,
// so SEMVER and ECOSYSTEM ranges of npm are evaluated the same way.

type Event = { introduced?: string; fixed?: string; last_affected?: string; limit?: string };

const eventVersion = (event: Event) => event.introduced ?? event.fixed ?? event.last_affected ?? event.limit ?? "0";

function byVersion(a: Event, b: Event): number {
  const va = eventVersion(a);
  const vb = eventVersion(b);
  if (va === "0" || vb === "0") return va === vb ? 0 : va === "0" ? -1 : 1;
  return valid(va) && valid(vb) ? compare(va, vb) : 0;
}

export function inRange(version: string, events: Event[]): boolean {
  if (!valid(version)) return false;
  let affected = false;
  for (const event of [...events].sort(byVersion)) {
    if (event.introduced !== undefined) {
      if (event.introduced === "0" || (valid(event.introduced) && compare(version, event.introduced) >= 0)) affected = true;
    } else if (event.fixed !== undefined) {
      if (valid(event.fixed) && compare(version, event.fixed) >= 0) affected = false;
    } else if (event.last_affected !== undefined) {
      if (valid(event.last_affected) && compare(version, event.last_affected) > 0) affected = false;
    } else if (event.limit !== undefined) {
      if (valid(event.limit) && compare(version, event.limit) >= 0) affected = false;
    }
  }
  return affected;
}

/** Is this version of the affected package listed, or inside one of its SEMVER/ECOSYSTEM ranges? */
export function versionAffected(affected: TOsvAffected, version: string): boolean {
  if (affected.versions?.includes(version)) return true;
  return (affected.ranges ?? []).some((range) => (range.type === "SEMVER" || range.type === "ECOSYSTEM") && inRange(version, range.events));
}
