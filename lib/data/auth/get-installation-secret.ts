import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

/**
 * A random secret generated the first time it is asked for and kept in the database, so every
 * fresh installation gets its own and no default exists anywhere. Safe under concurrent first
 * starts: the first insert wins and everyone reads that one.
 */
export async function getInstallationSecret(db: Db, name: string): Promise<string> {
  const existing = await db.installationSecret.findUnique({ where: { name } });
  if (existing) return existing.value;
  await db.installationSecret.createMany({ data: [{ name, value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
  return (await db.installationSecret.findUniqueOrThrow({ where: { name } })).value;
}
