import "server-only";
import type { Db } from "@/lib/db";
import type { TUserSummary } from "@/lib/schemas/user";

export async function listUsers(db: Db): Promise<TUserSummary[]> {
  const users = await db.user.findMany({
    orderBy: { email: "asc" },
    include: { accounts: { select: { providerId: true } } },
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt,
    sso: user.accounts.some((account) => account.providerId !== "credential"),
  }));
}
