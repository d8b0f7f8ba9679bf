import type { Metadata } from "next";
import { UsersPage } from "@/components/settings/users-page";
import { requirePagePermission } from "@/lib/auth/guard";
import { listUsers } from "@/lib/data/users/list-users";
import { getDatabase } from "@/lib/db";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const actor = await requirePagePermission("users:manage");
  return <UsersPage users={await listUsers((await getDatabase()).prisma)} currentUserId={actor.id} />;
}
