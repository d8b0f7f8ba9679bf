// GET /api/blast-radius — reach of one or more compromised nodes (?ref=…&ref=…&advisory=…&maxHops=…&exposure=…&timing=now&whatIf=…)
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { computeRadiusJson } from "@/lib/data/radius/compute-radius";
import { jsonStream } from "@/lib/http/json-stream";
import { getDatabase } from "@/lib/db";
import { ZRadiusInput } from "@/lib/schemas/radius";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const whatIf = params.getAll("whatIf");
  const actor = await authorizeRequest(request, whatIf.length ? "whatif:run" : "radius:read");
  if (actor instanceof Response) return actor;
  const input = ZRadiusInput.safeParse({
    refs: params.getAll("ref"),
    advisories: params.getAll("advisory"),
    maxHops: params.get("maxHops") || undefined,
    exposures: params.getAll("exposure"),
    timings: params.getAll("timing"),
    whatIf,
  });
  if (!input.success) return invalidInput(input.error.issues);
  const answer = await computeRadiusJson(await getDatabase(), input.data);
  if (!answer.ok) return Response.json({ error: answer.errors.map((e) => e.message).join("; "), errors: answer.errors }, { status: 400 });
  return new Response(jsonStream(answer.result), { headers: { "content-type": "application/json" } });
}
