// GET /api/fixes — the single changes that shrink the blast radius most over every source (?top=10&exposure=…),
// or for one radius with ?ref=…&advisory=… (its sources taken together)
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { computeFixes, computeRadiusFixes } from "@/lib/services/radius/compute-fixes";
import { getDatabase } from "@/lib/db";
import { ZFixesInput, ZRadiusFixesInput } from "@/lib/schemas/radius";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "whatif:run");
  if (actor instanceof Response) return actor;
  const params = new URL(request.url).searchParams;
  const common = { top: params.get("top") || undefined, exposures: params.getAll("exposure") };
  if (params.has("ref") || params.has("advisory")) {
    const input = ZRadiusFixesInput.safeParse({ ...common, refs: params.getAll("ref"), advisories: params.getAll("advisory") });
    if (!input.success) return invalidInput(input.error.issues);
    const answer = await computeRadiusFixes(await getDatabase(), input.data);
    if (!answer.ok) return Response.json({ error: answer.errors.map((e) => e.message).join("; "), errors: answer.errors }, { status: 400 });
    return Response.json(answer.result);
  }
  const input = ZFixesInput.safeParse(common);
  if (!input.success) return invalidInput(input.error.issues);
  return Response.json(await computeFixes(await getDatabase(), input.data));
}
