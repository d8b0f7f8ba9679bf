// GET /api/blast-radius/what-if-effects — what each control would change in a radius, before it is ticked
// (?ref=…&advisory=…&maxHops=…&exposure=…&timing=…&whatIf=<applied>…&control=<candidate>… — at most 50 controls)
import { authorizeRequest } from "@/lib/auth/guard";
import { computeWhatIfEffects } from "@/lib/services/radius/compute-what-if-effects";
import { getDatabase } from "@/lib/db";
import { invalidInput } from "@/lib/http/invalid-input";
import { radiusQueryFields } from "@/lib/schemas/radius";
import { ZWhatIfEffectsInput } from "@/lib/schemas/what-if-effects";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "whatif:run");
  if (actor instanceof Response) return actor;
  const params = new URL(request.url).searchParams;
  const input = ZWhatIfEffectsInput.safeParse({ ...radiusQueryFields(params), controls: params.getAll("control") });
  if (!input.success) return invalidInput(input.error.issues);
  const answer = await computeWhatIfEffects(await getDatabase(), input.data);
  if (!answer.ok) return Response.json({ error: answer.errors.map((e) => e.message).join("; "), errors: answer.errors }, { status: 400 });
  return Response.json(answer.result);
}
