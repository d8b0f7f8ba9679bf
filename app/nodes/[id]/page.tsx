import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { NodeDetail } from "@/components/node/node-detail";
import { requirePagePermission } from "@/lib/auth/guard";
import { roleAllows } from "@/lib/auth/permissions";
import { getNodeDetail } from "@/lib/data/graph/get-node-detail";
import { getDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// ids are Postgres int4: anything else is not a node
const parseId = (raw: string): number | null => (/^\d{1,10}$/.test(raw) && Number(raw) <= 2_147_483_647 && Number(raw) > 0 ? Number(raw) : null);
const loadDetail = cache(async (id: number) => getNodeDetail((await getDatabase()).prisma, id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePagePermission("graph:read");
  const id = parseId((await params).id);
  const detail = id ? await loadDetail(id) : null;
  return { title: detail ? detail.name : "Not found" };
}

export default async function Page({ params }: Props) {
  const actor = await requirePagePermission("graph:read");
  const id = parseId((await params).id);
  if (id === null) notFound();
  const detail = await loadDetail(id);
  if (!detail) notFound();
  return <NodeDetail detail={detail} canMark={roleAllows(actor.role, "compromise:mark")} />;
}
