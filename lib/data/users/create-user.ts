import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/lib/db";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import { ZCreateUserInput, type TCreateUserInput, type TUserSummary } from "@/lib/schemas/user";

export class UserExistsError extends Error {}
export class SetupCompleteError extends Error {}

// Serialises first-run setup: two browsers racing to create "the first admin" must not both win.
const SETUP_LOCK = 0x626d5f73; // "bm_s"

/**
 * Creates a local account: the user row and a credential account holding better-auth's scrypt
 * hash of the password (never the password). With `onlyIfNoUsers` it is the first-run setup and
 * refuses once anyone exists.
 */
export async function createUser(db: Db, input: TCreateUserInput, actor: AuditActor, options: { onlyIfNoUsers?: boolean } = {}): Promise<TUserSummary> {
  const { email, name, role, password } = ZCreateUserInput.parse(input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (options.onlyIfNoUsers) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
      if ((await tx.user.count()) > 0) throw new SetupCompleteError("setup is complete: a user already exists");
    }
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new UserExistsError(`a user with email ${email} already exists`);
    const id = randomUUID();
    const user = await tx.user.create({
      data: {
        id,
        email,
        name: name ?? email.split("@")[0],
        role,
        emailVerified: false,
        accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: passwordHash } },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: options.onlyIfNoUsers ? "user.create_first_admin" : "user.create",
      target: email,
      after: { email, name: user.name, role },
    });
    return { id, email, name: user.name, role: user.role, createdAt: user.createdAt, sso: false };
  });
}
