// GET /api/fixes — the single changes that shrink the blast radius most over every source (?top=10&exposure=…)
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { computeFixes } from "@/lib/data/radius/compute-fixes";
import { getDatabase } from "@/lib/db";
import { ZFixesInput } from "@/lib/schemas/radius";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "whatif:run");
  if (actor instanceof Response) return actor;
  const params = new URL(request.url).searchParams;
  const input = ZFixesInput.safeParse({ top: params.get("top") || undefined, exposures: params.getAll("exposure") });
  if (!input.success) return invalidInput(input.error.issues);
  return Response.json(await computeFixes(await getDatabase(), input.data));
}
