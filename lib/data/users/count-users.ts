import type { Db } from "@/lib/db";

export async function countUsers(db: Db): Promise<number> {
  return db.user.count();
}
