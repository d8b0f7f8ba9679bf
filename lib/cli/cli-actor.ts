import { userInfo } from "node:os";
import type { AuditActor } from "@/lib/data/audit/record-audit-event";

/** The audit log's "who" for a CLI command: whoever has shell access to the installation. */
export function cliActor(): AuditActor {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  return { kind: "system", id: null, name: `cli:${name}` };
}
