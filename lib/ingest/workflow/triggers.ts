import { isRecord } from "./matrix";

/** Workflow events from `on:` in any of its three forms (a string, a list, a map of events). */
export function workflowTriggers(on: unknown): string[] {
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.filter((event): event is string => typeof event === "string");
  if (isRecord(on)) return Object.keys(on);
  return [];
}

/**
 * The `on:` value of a workflow given as plain data. YAML 1.1 parsers (and GitHub's own docs
 * warn about this) read a bare `on` key as the boolean true, which becomes the key "true".
 */
export function onValueOf(workflow: Record<string, unknown>): unknown {
  return "on" in workflow ? workflow.on : workflow["true"];
}
