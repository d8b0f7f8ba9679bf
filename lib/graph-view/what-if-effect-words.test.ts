import { describe, expect, it } from "vitest";
import type { EngineGraph } from "@/lib/engine/graph";
import { tinyGraph } from "@/lib/engine/tiny-graph";
import { whatIfEffects } from "@/lib/engine/what-if-effects";
import type { TWhatIfEffect } from "@/lib/schemas/what-if-effects";
import { describeWhatIfEffect } from "./what-if-effect-words";

// The words beside each what-if toggle, from effects the engine measured on tiny graphs.

const EVIL = "pkg:npm/evil@1.0.0";
const BUILD = "context:acme/web/ci.yml/build";
const RELEASE = "context:acme/web/release.yml/publish";
const KEY = "secret:acme/web:DEPLOY_KEY";

function effectOf(graph: EngineGraph, control: string, whatIf: string[] = []): TWhatIfEffect {
  const answer = whatIfEffects(graph, { refs: [EVIL], advisories: [], maxHops: null, exposures: [], whatIf, timings: [], controls: [control] });
  if (!answer.ok) throw new Error(answer.errors[0].message);
  return answer.result.effects[0];
}

const jobWithKey = () =>
  tinyGraph(
    [
      [EVIL, { hasInstallScript: true }],
      BUILD,
      RELEASE,
      KEY,
      "identity:deployer",
      ["system:prod-db", { criticality: "critical" }],
      "publisher:npm/acme-bot",
      "pkg:npm/ui",
    ],
    [
      ["INSTALLED_IN", EVIL, BUILD],
      ["EXPOSES", BUILD, KEY, { exposure: "install" }],
      ["AUTHENTICATES_AS", KEY, "identity:deployer"],
      ["CAN_ACCESS", "identity:deployer", "system:prod-db", { privilege: "admin" }],
      ["CAN_PUBLISH", "identity:deployer", "pkg:npm/ui"],
      ["ACTS_AS", "identity:deployer", "publisher:npm/acme-bot"],
      ["MAINTAINS", "publisher:npm/acme-bot", "pkg:npm/ui"],
    ],
  );

describe("what-if effect in words", () => {
  it("a control that cuts says how many nodes and which of the summary's kinds it removes", () => {
    const words = describeWhatIfEffect(effectOf(jobWithKey(), `remove-secret:${BUILD}=${KEY}`));
    expect(words).toEqual({ text: "removes 5 nodes, 1 secret, 1 identity, 1 critical system, 1 republishable package", tone: "cuts" });
  });

  it("a ticked control says what it removed", () => {
    const control = `remove-secret:${BUILD}=${KEY}`;
    expect(describeWhatIfEffect(effectOf(jobWithKey(), control, [control])).text).toMatch(/^removed 5 nodes/);
  });

  it("ignored install scripts, with the package still imported at run time, say so and how many nodes become runtime-only", () => {
    const words = describeWhatIfEffect(effectOf(jobWithKey(), `ignore-scripts:${BUILD}`));
    expect(words).toEqual({
      text: "removes nothing: install scripts ignored, but evil@1.0.0 is still imported at run time — 6 nodes stay reached, now runtime-only",
      tone: "weakens",
    });
  });

  it("a control that changes nothing names the step that still reaches what it would cut", () => {
    const words = describeWhatIfEffect(effectOf(jobWithKey(), "drop-publish:identity:deployer=pkg:npm/ui"));
    expect(words).toEqual({ text: "no effect: still reached another way: npm/acme-bot maintains npm/ui", tone: "none" });
  });

  it("a control on a job the radius never reaches says the job is not reached", () => {
    const graph = tinyGraph([[EVIL, { hasInstallScript: true }], BUILD, RELEASE], [["INSTALLED_IN", EVIL, BUILD]]);
    expect(describeWhatIfEffect(effectOf(graph, `ignore-scripts:${RELEASE}`)).text).toBe(
      "no effect: acme/web/release.yml/publish is not reached in this radius",
    );
  });

  it("ignoring scripts where the package's code runs anyway (npx) says install scripts are not how the radius gets there", () => {
    const graph = tinyGraph([EVIL, BUILD], [["INSTALLED_IN", EVIL, BUILD, { attributes: { runs: true } }]]);
    const words = describeWhatIfEffect(effectOf(graph, `ignore-scripts:${BUILD}`));
    expect(words.tone).toBe("none");
    expect(words.text).toBe("no effect: acme/web/ci.yml/build runs the package itself (npx, dlx), so its code runs whether scripts are ignored or not");
  });

  it("ignoring scripts in a job reached another way says install scripts are not how the radius gets there, and how it does", () => {
    const graph = tinyGraph(
      [[EVIL, { hasInstallScript: true }], BUILD, RELEASE],
      [
        ["INSTALLED_IN", EVIL, BUILD],
        ["TRIGGERS", BUILD, RELEASE, { exposure: "job" }],
      ],
    );
    expect(describeWhatIfEffect(effectOf(graph, `ignore-scripts:${RELEASE}`)).text).toBe(
      "no effect: no install script is how this radius gets there; acme/web/release.yml/publish is reached: acme/web/ci.yml/build can trigger acme/web/release.yml/publish",
    );
  });

  it("an effect not yet measured, not measured in time, or not applicable says which", () => {
    expect(describeWhatIfEffect(undefined).tone).toBe("pending");
    const graph = jobWithKey();
    const unknown = whatIfEffects(
      graph,
      { refs: [EVIL], advisories: [], maxHops: null, exposures: [], whatIf: [], timings: [], controls: [`ignore-scripts:${KEY}`, `ignore-scripts:${BUILD}`] },
      { timeBudgetMs: -1 },
    );
    if (!unknown.ok) throw new Error("refused");
    expect(describeWhatIfEffect(unknown.result.effects[0])).toMatchObject({
      tone: "error",
      text: expect.stringMatching(/^does not apply: .*not an execution context/),
    });
    expect(describeWhatIfEffect(unknown.result.effects[1])).toMatchObject({ tone: "pending", text: expect.stringMatching(/time budget/) });
  });
});
