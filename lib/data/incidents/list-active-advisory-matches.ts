import "server-only";
import type { Db } from "@/lib/db";
import type { TAdvisoryMatch } from "@/lib/schemas/incident";

/** Malicious-package advisories (OSV MAL-…) whose affected versions are installed in at least one context. */
export async function listActiveAdvisoryMatches(db: Db): Promise<TAdvisoryMatch[]> {
  const advisories = await db.advisory.findMany({
    where: { malicious: true, node: { outEdges: { some: { kind: "AFFECTS", to: { outEdges: { some: { kind: "INSTALLED_IN" } } } } } } },
    select: {
      advisoryId: true,
      summary: true,
      publishedAt: true,
      node: {
        select: {
          key: true,
          outEdges: {
            where: { kind: "AFFECTS" },
            select: { to: { select: { key: true, name: true, outEdges: { where: { kind: "INSTALLED_IN" }, select: { toId: true } } } } },
          },
        },
      },
    },
    orderBy: [{ publishedAt: "desc" }, { advisoryId: "asc" }],
  });
  return advisories.map((advisory) => {
    const versions = advisory.node.outEdges
      .map((edge) => ({ key: edge.to.key, name: edge.to.name, installedIn: edge.to.outEdges.length }))
      .filter((version) => version.installedIn > 0);
    const contexts = new Set(advisory.node.outEdges.flatMap((edge) => edge.to.outEdges.map((installed) => installed.toId)));
    return {
      advisoryId: advisory.advisoryId,
      key: advisory.node.key,
      summary: advisory.summary,
      publishedAt: advisory.publishedAt?.toISOString() ?? null,
      versions,
      contexts: contexts.size,
    };
  });
}
