// GET /api/path — the k shortest chains from one node to another (?from=…&to=…&k=3)
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { computePath } from "@/lib/services/radius/compute-path";
import { getDatabase } from "@/lib/db";
import { ZPathInput } from "@/lib/schemas/radius";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "radius:read");
  if (actor instanceof Response) return actor;
  const params = new URL(request.url).searchParams;
  const input = ZPathInput.safeParse({ from: params.get("from") ?? "", to: params.get("to") ?? "", k: params.get("k") || undefined });
  if (!input.success) return invalidInput(input.error.issues);
  const answer = await computePath(await getDatabase(), input.data);
  if (!answer.ok) return Response.json({ error: answer.errors.map((e) => e.message).join("; "), errors: answer.errors }, { status: 400 });
  return Response.json(answer.result);
}
