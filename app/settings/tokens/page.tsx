import type { Metadata } from "next";
import { TokensPage } from "@/components/settings/tokens-page";
import { requirePagePermission } from "@/lib/auth/guard";
import { listApiTokens } from "@/lib/data/tokens/list-api-tokens";
import { getDatabase } from "@/lib/db";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function Page() {
  await requirePagePermission("tokens:manage");
  return <TokensPage tokens={await listApiTokens((await getDatabase()).prisma)} />;
}
