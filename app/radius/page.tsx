import type { Metadata } from "next";
import { Suspense } from "react";
import { RadiusPage } from "@/components/radius/radius-page";
import { RadiusSkeleton } from "@/components/radius/radius-skeleton";
import { actorAllows, requirePagePermission } from "@/lib/auth/guard";
import { listAdvisoryOptions } from "@/lib/data/advisory/list-advisory-options";
import { getDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Blast radius" };

export default async function Page() {
  const actor = await requirePagePermission("radius:read");
  const advisories = await listAdvisoryOptions((await getDatabase()).prisma);
  return (
    // useSearchParams (the view state) needs a Suspense boundary
    <Suspense fallback={<RadiusSkeleton />}>
      <RadiusPage
        advisories={advisories}
        canMark={actorAllows(actor, "compromise:mark")}
        canWhatIf={actorAllows(actor, "whatif:run")}
        canOpenIncident={actorAllows(actor, "incident:write")}
      />
    </Suspense>
  );
}
