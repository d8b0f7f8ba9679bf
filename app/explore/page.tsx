import type { Metadata } from "next";
import { Suspense } from "react";
import { ExplorerPage } from "@/components/explore/explorer-page";
import { actorAllows, requirePagePermission } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Explore" };

export default async function Page() {
  const actor = await requirePagePermission("graph:read");
  // the view state is read with useSearchParams, which needs a Suspense boundary
  return (
    <Suspense fallback={<p className="muted">Loading the explorer…</p>}>
      <ExplorerPage canMark={actorAllows(actor, "compromise:mark")} />
    </Suspense>
  );
}
