import type { Db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/data/audit/record-audit-event";
import { createUser, SetupCompleteError } from "./create-user";

export const DEMO_ADMIN_EMAIL = "admin@demo.blastmap";

/**
 * The demo's administrator, created only on an installation without any account, with the given
 * (random, per data directory) password. Returns false when accounts already exist.
 */
export async function createDemoAdmin(db: Db, password: string): Promise<boolean> {
  try {
    await createUser(db, { email: DEMO_ADMIN_EMAIL, name: "Demo admin", role: "admin", password }, SYSTEM_ACTOR, { onlyIfNoUsers: true });
    return true;
  } catch (error) {
    if (error instanceof SetupCompleteError) return false;
    throw error;
  }
}
