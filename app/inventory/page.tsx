import { redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/guard";

export default async function Page() {
  await requirePagePermission("graph:read");
  redirect("/inventory/identities");
}
