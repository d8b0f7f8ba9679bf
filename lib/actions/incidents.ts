"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActionPermission } from "@/lib/auth/guard";
import { computeIncidentRadii } from "@/lib/services/incidents/compute-incident-radii";
import { getIncident } from "@/lib/data/incidents/get-incident";
import { markRotation } from "@/lib/data/incidents/mark-rotation";
import { openIncident } from "@/lib/services/incidents/open-incident";
import { recordIncidentEvent } from "@/lib/data/incidents/record-incident-event";
import { setChecklistItem } from "@/lib/data/incidents/set-checklist-item";
import { undoRotation } from "@/lib/data/incidents/undo-rotation";
import { updateIncidentStatus } from "@/lib/data/incidents/update-incident-status";
import { getDatabase } from "@/lib/db";
import { ZIncidentStatus, ZMarkRotationInput, ZOpenIncidentInput, ZUndoRotationInput } from "@/lib/schemas/incident";
import { describeIssues, type InputIssue } from "@/lib/schemas/input-problem";
import { ZRecordId } from "@/lib/schemas/record-id";

export interface IncidentFormState {
  errors: string[];
}

const issues = (error: { issues: InputIssue[] }) => describeIssues(error.issues);

export async function openIncidentAction(_state: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  const actor = await requireActionPermission("incident:write");
  const input = ZOpenIncidentInput.safeParse({
    title: form.get("title"),
    refs: form.get("refs") ?? "",
    advisories: form.get("advisories") ?? "",
    windowStart: form.get("windowStart"),
    windowEnd: form.get("windowEnd") || undefined,
    commander: form.get("commander"),
    severity: form.get("severity"),
  });
  if (!input.success) return { errors: issues(input.error) };
  const result = await openIncident(await getDatabase(), actor, input.data);
  if (!result.ok) return { errors: result.errors.map((error) => error.message) };
  revalidatePath("/incidents");
  redirect(`/incidents/${result.id}`);
}

const incidentIdOf = (form: FormData) => {
  const id = ZRecordId.safeParse(form.get("incidentId"));
  if (!id.success) throw new Error(`incidentId ${id.error.issues[0].message}`);
  return id.data;
};

export async function markRotationAction(_state: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  const actor = await requireActionPermission("incident:write");
  const input = ZMarkRotationInput.safeParse({
    incidentId: form.get("incidentId"),
    nodeKey: form.get("nodeKey"),
    action: form.get("action"),
    note: form.get("note") ?? "",
  });
  if (!input.success) return { errors: issues(input.error) };
  const result = await markRotation((await getDatabase()).prisma, actor, input.data);
  if (!result.ok) return { errors: [result.error] };
  revalidatePath(`/incidents/${input.data.incidentId}`);
  return { errors: [] };
}

export async function undoRotationAction(_state: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  const actor = await requireActionPermission("incident:write");
  const input = ZUndoRotationInput.safeParse({ incidentId: form.get("incidentId"), nodeKey: form.get("nodeKey") });
  if (!input.success) return { errors: issues(input.error) };
  const result = await undoRotation((await getDatabase()).prisma, actor, input.data);
  if (!result.ok) return { errors: [result.error] };
  revalidatePath(`/incidents/${input.data.incidentId}`);
  revalidatePath("/incidents");
  return { errors: [] };
}

export async function updateIncidentStatusAction(form: FormData): Promise<void> {
  const actor = await requireActionPermission("incident:write");
  const id = incidentIdOf(form);
  const status = ZIncidentStatus.parse(form.get("status"));
  await updateIncidentStatus((await getDatabase()).prisma, actor, id, status);
  revalidatePath(`/incidents/${id}`);
  revalidatePath("/incidents");
}

export async function setChecklistItemAction(form: FormData): Promise<void> {
  const actor = await requireActionPermission("incident:write");
  const id = incidentIdOf(form);
  await setChecklistItem((await getDatabase()).prisma, actor, id, String(form.get("itemId") ?? ""), form.get("done") === "true");
  revalidatePath(`/incidents/${id}`);
}

/** Records the recomputation on the timeline, then shows the difference. */
export async function recomputeIncidentAction(form: FormData): Promise<void> {
  const actor = await requireActionPermission("incident:write");
  const id = incidentIdOf(form);
  const database = await getDatabase();
  const incident = await getIncident(database.prisma, id);
  if (!incident) throw new Error(`incident ${id} does not exist`);
  const radii = await computeIncidentRadii(database, incident, true);
  const diff = radii.recomputed;
  await recordIncidentEvent(database.prisma, id, "recomputed", actor.name, {
    summary: diff
      ? `against graph version ${radii.graphVersion}: ${diff.after.total} nodes (was ${diff.before.total}), ${diff.added.length} new, ${diff.removed.length} gone`
      : `against graph version ${radii.graphVersion}: ${radii.problems.join("; ")}`,
    graphVersion: radii.graphVersion,
  });
  redirect(`/incidents/${id}?recompute=1`);
}
