import type { Metadata } from "next";
import { ImportPage } from "@/components/import/import-page";
import { requirePagePermission } from "@/lib/auth/guard";
import { importLimits } from "@/lib/ingest/limits";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

export default async function Page() {
  await requirePagePermission("import:write");
  return <ImportPage maxFileBytes={importLimits().maxFileBytes} />;
}
