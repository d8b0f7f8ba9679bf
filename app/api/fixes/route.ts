// GET /api/fixes — the single changes that shrink the blast radius most over every source (?top=10&exposure=…)
import { authorizeRequest } from "@/lib/auth/guard";
import { computeFixes } from "@/lib/data/radius/compute-fixes";
import { getDatabase } from "@/lib/db";
import { ZFixesInput } from "@/lib/schemas/radius";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "whatif:run");
  if (actor instanceof Response) return actor;
  const params = new URL(request.url).searchParams;
  const input = ZFixesInput.safeParse({ top: params.get("top") || undefined, exposures: params.getAll("exposure") });
  if (!input.success) {
    const errors = input.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return Response.json({ error: errors.map((e) => `${e.path}: ${e.message}`).join("; "), errors }, { status: 400 });
  }
  return Response.json(await computeFixes(await getDatabase(), input.data));
}
