import type { TWhatIfEffect } from "@/lib/schemas/what-if-effects";
import { describePath, packageLabel, type TPathNodeInfo } from "./describe-path";

// The line beside a what-if toggle, from the engine's measured effect (lib/engine/what-if-effects.ts):
// "removes 12 nodes, 3 secrets; 5 more become runtime-only", or — when it changes nothing — why,
// in the words of the chain that still reaches what it would have cut. Never a bare "no effect".

export type TEffectTone = "cuts" | "weakens" | "none" | "error" | "pending";

export interface TEffectWords {
  text: string;
  tone: TEffectTone;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en")} ${count === 1 ? one : many}`;

/** Steps by which a package's code arrives in a job: the ones an ignored install script turns into run time. */
const INSTALL_STEPS = new Set(["INSTALLED_IN", "WORM_REPUBLISH", "RANGE_ADMITS", "FRESH_RESOLVE", "ADVISORY_RANGE"]);

type TExample = TWhatIfEffect["stillReached"]["examples"][number];

/** "acme-bot maintains @acme/ui": the last step of the chain that still reaches the node. */
function lastStepWords(example: TExample): string {
  const step = example.path.at(-1);
  if (!step) return `${example.node.name} is where the compromise starts`;
  const nodes = new Map<number, TPathNodeInfo>(
    example.pathNodes.map((node) => [node.id, { ...node, timing: node.id === example.node.id ? example.timing : undefined }]),
  );
  return describePath([step], nodes).text;
}

function stillReachedWords(effect: TWhatIfEffect): string | null {
  const [example] = effect.stillReached.examples;
  if (!example) return null;
  const more = effect.stillReached.count - 1;
  return `still reached another way: ${lastStepWords(example)}${more > 0 ? ` (and ${plural(more, "more node")} it would cut)` : ""}`;
}

/** "12 nodes, 3 secrets, 1 critical system": what the control removes, the summary cards' terms. */
function removedWords(removed: NonNullable<TWhatIfEffect["removed"]>): string {
  const parts = [plural(removed.total, "node")];
  if (removed.secrets > 0) parts.push(plural(removed.secrets, "secret"));
  if (removed.identities > 0) parts.push(plural(removed.identities, "identity", "identities"));
  if (removed.criticalSystems > 0) parts.push(plural(removed.criticalSystems, "critical system"));
  if (removed.republishablePackages > 0) parts.push(plural(removed.republishablePackages, "republishable package"));
  return parts.join(", ");
}

/** What else changes for the nodes that stay reached ("5 more nodes become runtime-only"). */
function weakenedWords(effect: TWhatIfEffect, more: boolean): string[] {
  const nodes = (count: number) => plural(count, more ? "more node" : "node", more ? "more nodes" : "nodes");
  const words: string[] = [];
  if (effect.runtimeOnly > 0) words.push(`${nodes(effect.runtimeOnly)} ${effect.runtimeOnly === 1 ? "becomes" : "become"} runtime-only`);
  const otherShifts = effect.exposureShifts.filter((shift) => shift.to !== "runtime").reduce((sum, shift) => sum + shift.count, 0);
  if (otherShifts > 0) words.push(`${nodes(otherShifts)} reached at a weaker exposure`);
  if (effect.nextResolveOnly > 0) words.push(`${nodes(effect.nextResolveOnly)} reached only on the next resolve`);
  return words;
}

/** The package whose code arrives by the example's last step, when that is an install step at run time. */
function importedAtRunTime(example: TExample | undefined): string | null {
  const step = example?.path.at(-1);
  if (!example || !step || !INSTALL_STEPS.has(step.kind) || example.exposure !== "runtime" || step.exposure !== "runtime") return null;
  const from = example.pathNodes.find((node) => node.id === step.from);
  return from && (from.kind === "package" || from.kind === "packageVersion") ? packageLabel(from.key) : (from?.name ?? "the package");
}

export function describeWhatIfEffect(effect: TWhatIfEffect | undefined): TEffectWords {
  if (!effect) return { text: "measuring what it changes…", tone: "pending" };
  if (effect.error) return { text: `does not apply: ${effect.error}`, tone: "error" };
  if (!effect.evaluated || !effect.removed) return { text: "not measured: the time budget ran out — tick it to see", tone: "pending" };
  const verb = effect.applied ? "removed" : "removes";

  if (effect.outcome === "cuts") {
    return { text: [`${verb} ${removedWords(effect.removed)}`, ...weakenedWords(effect, true)].join("; "), tone: "cuts" };
  }

  if (effect.outcome === "weakens") {
    // The case the issue names: scripts ignored, but the package is still imported at run time.
    const name = effect.control.startsWith("ignore-scripts:") ? importedAtRunTime(effect.stillReached.examples[0]) : null;
    if (name && effect.runtimeOnly > 0) {
      return {
        text: `${effect.applied ? "removed" : "removes"} nothing: install scripts ignored, but ${name} is still imported at run time — ${plural(effect.runtimeOnly, "node")} stay reached, now runtime-only`,
        tone: "weakens",
      };
    }
    const still = stillReachedWords(effect);
    return { text: [`${verb} nothing: ${weakenedWords(effect, false).join(", ")}`, ...(still ? [still] : [])].join("; "), tone: "weakens" };
  }

  // outcome "none": say why, from the walk
  const [example] = effect.stillReached.examples;
  const imported = effect.control.startsWith("ignore-scripts:") ? importedAtRunTime(example) : null;
  if (imported && example)
    return { text: `no effect: ${example.node.name} imports ${imported} at run time, which ignoring install scripts does not stop`, tone: "none" };
  if (effect.targets > 0) return { text: `no effect: ${stillReachedWords(effect) ?? "everything it would cut is reached another way"}`, tone: "none" };
  if (effect.notReached.length > 0) {
    const names = effect.notReached.map((node) => node.name).join(" and ");
    return { text: `no effect: ${names} ${effect.notReached.length === 1 ? "is" : "are"} not reached in this radius`, tone: "none" };
  }
  // npx and dlx run the package itself: its code runs at install time, install script or not
  if (effect.control.startsWith("ignore-scripts:") && example?.path.at(-1)?.attributes?.runs === true) {
    return { text: `no effect: ${example.node.name} runs the package itself (npx, dlx), so its code runs whether scripts are ignored or not`, tone: "none" };
  }
  const what = effect.control.startsWith("ignore-scripts:") ? "no install script is how this radius gets there" : "this radius never takes the step it cuts";
  return { text: `no effect: ${what}${example ? `; ${example.node.name} is reached: ${lastStepWords(example)}` : ""}`, tone: "none" };
}
