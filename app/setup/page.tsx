import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { countUsers } from "@/lib/data/users/count-users";
import { getDatabase } from "@/lib/db";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

// Public only while the installation has no user at all; afterwards it does not exist.
export default async function Page() {
  if ((await countUsers((await getDatabase()).prisma)) > 0) notFound();
  return <SetupForm />;
}
