// GET/POST/DELETE /api/assumed-compromised — the shared "assumed compromised" set (list, mark, unmark)
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { listAssumedCompromised } from "@/lib/data/compromise/list-assumed-compromised";
import { markAssumedCompromised } from "@/lib/data/compromise/mark-assumed-compromised";
import { unmarkAssumedCompromised } from "@/lib/data/compromise/unmark-assumed-compromised";
import { getDb } from "@/lib/db";
import { ZMarkAssumedCompromisedInput, ZUnmarkAssumedCompromisedInput } from "@/lib/schemas/assumed-compromise";
import type { z } from "zod";

export const dynamic = "force-dynamic";

const invalid = (error: z.ZodError) => invalidInput(error.issues, "body");
// The one failure after validation is a ref that names no node.

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "graph:read");
  if (actor instanceof Response) return actor;
  return Response.json({ items: await listAssumedCompromised(await getDb()) });
}

export async function POST(request: Request) {
  const actor = await authorizeRequest(request, "compromise:mark");
  if (actor instanceof Response) return actor;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: "invalid request", errors: [{ path: "body", message: "the body must be JSON: { ref, note? }" }] }, { status: 400 });
  }
  const input = ZMarkAssumedCompromisedInput.safeParse(body);
  if (!input.success) return invalid(input.error);
  const result = await markAssumedCompromised(await getDb(), input.data, actor);
  if (!result.ok) return Response.json({ error: result.errors[0].message, errors: result.errors, suggestions: result.suggestions }, { status: 404 });
  return Response.json({ item: result.item, created: result.created }, { status: result.created ? 201 : 200 });
}

export async function DELETE(request: Request) {
  const actor = await authorizeRequest(request, "compromise:mark");
  if (actor instanceof Response) return actor;
  const input = ZUnmarkAssumedCompromisedInput.safeParse({ ref: new URL(request.url).searchParams.get("ref") ?? "" });
  if (!input.success) return invalid(input.error);
  const result = await unmarkAssumedCompromised(await getDb(), input.data.ref, actor);
  if (!result.ok) return Response.json({ error: result.errors[0].message, errors: result.errors, suggestions: result.suggestions }, { status: 404 });
  return Response.json({ removed: result.removed });
}
