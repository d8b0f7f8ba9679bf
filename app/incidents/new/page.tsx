import type { Metadata } from "next";
import { OpenIncidentForm } from "@/components/incidents/open-incident-form";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Open incident" };
export const dynamic = "force-dynamic";

const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(Boolean);

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("incident:write");
  const params = await searchParams;
  const refs = list(params.ref);
  const advisories = list(params.advisory);
  const subject = [...advisories, ...refs].slice(0, 2).join(", ");
  return (
    <section aria-labelledby="new-incident-title">
      <h1 id="new-incident-title">Open incident</h1>
      <OpenIncidentForm
        refs={refs}
        advisories={advisories}
        commander={actor.name}
        defaultTitle={subject ? `Compromise: ${subject}` : ""}
        now={new Date().toISOString().slice(0, 16)}
      />
    </section>
  );
}
