import { describe, expect, it } from "vitest";
import { ZWhatIfEffects, type TWhatIfEffect } from "@/lib/schemas/what-if-effects";
import type { EngineGraph } from "./graph";
import { radius } from "./radius-test-kit";
import { tinyGraph } from "./tiny-graph";
import { whatIfEffects } from "./what-if-effects";

// A package with an install script runs in a build job and a release job. The build job exposes a
// deploy key (admin on the production database); the release job exposes the npm token, which
// authenticates as a publish identity that can publish @acme/ui and also acts as the publisher
// account that maintains it. A docs job installs an unrelated package. Each control's effect is
// measured before it is ticked, and must equal what ticking it does to the radius.

const EVIL = "pkg:npm/evil@1.0.0";
const BUILD = "context:acme/web/ci.yml/build";
const RELEASE = "context:acme/web/release.yml/publish";
const DOCS = "context:acme/docs/ci.yml/build";
const DEPLOY_KEY = "secret:acme/web:DEPLOY_KEY";
const NPM_TOKEN = "secret:acme/web:NPM_TOKEN";

function organisation(): EngineGraph {
  return tinyGraph(
    [
      ["pkg:npm/evil@1.0.0", { hasInstallScript: true }],
      "pkg:npm/evil",
      ["pkg:npm/docs-tool@1.0.0", { hasInstallScript: true }],
      BUILD,
      RELEASE,
      DOCS,
      DEPLOY_KEY,
      NPM_TOKEN,
      ["identity:deployer", { lifetime: "longLived", identityKind: "cloudRole" }],
      ["identity:npm-publish", { lifetime: "longLived", identityKind: "registryPublishToken" }],
      "publisher:npm/acme-bot",
      "pkg:npm/%40acme/ui",
      ["system:prod-db", { criticality: "critical" }],
    ],
    [
      ["VERSION_OF", EVIL, "pkg:npm/evil"],
      ["INSTALLED_IN", EVIL, BUILD],
      ["INSTALLED_IN", EVIL, RELEASE],
      ["INSTALLED_IN", "pkg:npm/docs-tool@1.0.0", DOCS],
      ["EXPOSES", BUILD, DEPLOY_KEY, { exposure: "install" }],
      ["EXPOSES", RELEASE, NPM_TOKEN, { exposure: "install" }],
      ["AUTHENTICATES_AS", DEPLOY_KEY, "identity:deployer"],
      ["AUTHENTICATES_AS", NPM_TOKEN, "identity:npm-publish"],
      ["CAN_ACCESS", "identity:deployer", "system:prod-db", { privilege: "admin" }],
      ["CAN_PUBLISH", "identity:npm-publish", "pkg:npm/%40acme/ui"],
      ["ACTS_AS", "identity:npm-publish", "publisher:npm/acme-bot"],
      ["MAINTAINS", "publisher:npm/acme-bot", "pkg:npm/%40acme/ui"],
    ],
  );
}

type Question = {
  refs?: string[];
  advisories?: string[];
  exposures?: ("install" | "job" | "runner" | "runtime")[];
  whatIf?: string[];
  timings?: ("now" | "next-resolve")[];
};

function effects(graph: EngineGraph, controls: string[], question: Question = {}, timeBudgetMs?: number) {
  const answer = whatIfEffects(
    graph,
    {
      refs: question.refs ?? [EVIL],
      advisories: question.advisories ?? [],
      maxHops: null,
      exposures: question.exposures ?? [],
      whatIf: question.whatIf ?? [],
      timings: question.timings ?? [],
      controls,
    },
    { timeBudgetMs },
  );
  if (!answer.ok) throw new Error(answer.errors.map((error) => error.message).join("\n"));
  return ZWhatIfEffects.parse(answer.result);
}

const effectOf = (graph: EngineGraph, control: string, question: Question = {}): TWhatIfEffect => effects(graph, [control], question).effects[0];

describe("what-if effects, before a control is ticked", () => {
  it("removing the deploy key from the build job removes the key, its identity and the critical database: exactly what ticking it removes", () => {
    const graph = organisation();
    const control = `remove-secret:${BUILD}=${DEPLOY_KEY}`;
    const effect = effectOf(graph, control);
    expect(effect).toMatchObject({ outcome: "cuts", evaluated: true, error: null, applied: false });
    expect(effect.removed).toEqual({ total: 3, now: 3, secrets: 1, identities: 1, criticalSystems: 1, republishablePackages: 0 });
    expect(effect.stillReached.count).toBe(0);
    // the numbers are the radius' own, without and with the control
    const ticked = radius(graph, [EVIL], { whatIf: [control] });
    expect(effect.before!.total).toBe(ticked.before!.total);
    expect(effect.after!.total).toBe(ticked.summary.total);
    expect(effect.removed!.criticalSystems).toBe(ticked.before!.systemsByCriticality.critical - ticked.summary.systemsByCriticality.critical);
  });

  it("ignoring install scripts in a job whose package is still imported at run time removes nothing: its nodes stay reached, now runtime-only, and the path says how", () => {
    const effect = effectOf(organisation(), `ignore-scripts:${BUILD}`);
    expect(effect.outcome).toBe("weakens");
    expect(effect.removed!.total).toBe(0);
    // the build job, the deploy key, the deployer identity and the database are now reached at run time only
    expect(effect.runtimeOnly).toBe(4);
    expect(effect.exposureShifts).toEqual([{ from: "install", to: "runtime", count: 4 }]);
    expect(effect.stillReached.count).toBe(1);
    const [example] = effect.stillReached.examples;
    expect(example.node.key).toBe(BUILD);
    expect(example.exposure).toBe("runtime");
    expect(example.path.at(-1)).toMatchObject({ kind: "INSTALLED_IN", exposure: "runtime" });
    expect(example.pathNodes.map((node) => node.key)).toEqual([EVIL, BUILD]);
  });

  it("the same control cuts when the radius counts install, job and runner exposure only", () => {
    const effect = effectOf(organisation(), `ignore-scripts:${BUILD}`, { exposures: ["install", "job", "runner"] });
    expect(effect.outcome).toBe("cuts");
    expect(effect.removed).toMatchObject({ total: 4, secrets: 1, identities: 1, criticalSystems: 1 });
  });

  it("dropping the identity's publish right changes nothing while the publisher account it acts as maintains the package, and the chain through the publisher is returned", () => {
    const effect = effectOf(organisation(), `drop-publish:identity:npm-publish=pkg:npm/%40acme/ui`);
    expect(effect.outcome).toBe("none");
    expect(effect.removed!.total).toBe(0);
    expect(effect.targets).toBe(1);
    expect(effect.stillReached.count).toBe(1);
    const [example] = effect.stillReached.examples;
    expect(example.node.key).toBe("pkg:npm/%40acme/ui");
    expect(example.path.at(-1)).toMatchObject({ kind: "MAINTAINS" });
    expect(example.pathNodes.at(-2)!.key).toBe("publisher:npm/acme-bot");
  });

  it("a control on a job the radius never reaches has no effect and names the job as not reached", () => {
    const effect = effectOf(organisation(), `ignore-scripts:${DOCS}`);
    expect(effect).toMatchObject({ outcome: "none", targets: 0, stillReached: { count: 0, examples: [] } });
    expect(effect.notReached.map((node) => node.key)).toEqual([DOCS]);
  });

  it("a control whose step the radius never takes, though it reaches its nodes, shows how they are reached instead", () => {
    // the deploy key is reached through the build job; the release job does not expose it
    const graph = tinyGraph(
      [["pkg:npm/evil@1.0.0", { hasInstallScript: true }], BUILD, RELEASE, DEPLOY_KEY],
      [
        ["INSTALLED_IN", EVIL, BUILD],
        ["EXPOSES", BUILD, DEPLOY_KEY, { exposure: "install" }],
        ["EXPOSES", RELEASE, DEPLOY_KEY, { exposure: "install" }],
      ],
    );
    const effect = effectOf(graph, `remove-secret:${RELEASE}=${DEPLOY_KEY}`);
    expect(effect).toMatchObject({ outcome: "none", targets: 0 });
    expect(effect.notReached.map((node) => node.key)).toEqual([RELEASE]);
    expect(effect.stillReached.examples.map((example) => example.node.key)).toEqual([DEPLOY_KEY]);
  });

  it("cutting the path the attacker has now, while a range still admits the bad version elsewhere, leaves the secret reached only on the next resolve", () => {
    const graph = tinyGraph(
      [["pkg:npm/evil@1.0.1", { hasInstallScript: true }], "pkg:npm/evil@1.0.0", "pkg:npm/evil", BUILD, RELEASE, DEPLOY_KEY],
      [
        ["VERSION_OF", "pkg:npm/evil@1.0.1", "pkg:npm/evil"],
        ["VERSION_OF", "pkg:npm/evil@1.0.0", "pkg:npm/evil"],
        ["INSTALLED_IN", "pkg:npm/evil@1.0.1", BUILD, { attributes: { resolve: "lockfile", range: "^1.0.0" } }],
        ["INSTALLED_IN", "pkg:npm/evil@1.0.0", RELEASE, { attributes: { resolve: "lockfile", range: "^1.0.0" } }],
        ["EXPOSES", BUILD, DEPLOY_KEY, { exposure: "install" }],
        ["EXPOSES", RELEASE, DEPLOY_KEY, { exposure: "install" }],
      ],
    );
    const effect = effectOf(graph, `remove-secret:${BUILD}=${DEPLOY_KEY}`, { refs: ["pkg:npm/evil@1.0.1"] });
    expect(effect.outcome).toBe("weakens");
    expect(effect.removed).toMatchObject({ total: 0, now: 1, secrets: 0 });
    expect(effect.nextResolveOnly).toBe(1);
    expect(effect.stillReached.examples[0]).toMatchObject({ node: { key: DEPLOY_KEY }, timing: "next-resolve" });
    expect(effect.stillReached.examples[0].pathNodes.map((node) => node.key)).toEqual(["pkg:npm/evil@1.0.1", RELEASE, DEPLOY_KEY]);
  });

  it("an applied control is measured by its share, so ticking it does not change what it says", () => {
    const graph = organisation();
    const control = `remove-secret:${BUILD}=${DEPLOY_KEY}`;
    const other = `remove-secret:${RELEASE}=${NPM_TOKEN}`;
    const unticked = effects(graph, [control, other]);
    const ticked = effects(graph, [control, other], { whatIf: [control] });
    expect(ticked.effects[0]).toMatchObject({ applied: true, outcome: "cuts", removed: unticked.effects[0].removed });
    expect(ticked.effects[1]).toMatchObject({ applied: false, removed: unticked.effects[1].removed });
    // the radius the effects are measured on is the ticked one
    expect(ticked.radius.total).toBe(unticked.radius.total - unticked.effects[0].removed!.total);
  });

  it("a control that does not apply to the graph is reported on its own line; the others are still measured", () => {
    const answer = effects(organisation(), [
      `remove-secret:${BUILD}=secret:acme/web:NOPE`,
      `ignore-scripts:${DEPLOY_KEY}`,
      `remove-secret:${BUILD}=${DEPLOY_KEY}`,
    ]);
    expect(answer.effects[0]).toMatchObject({ evaluated: false, outcome: null });
    expect(answer.effects[0].error).toMatch(/NOPE/);
    expect(answer.effects[1].error).toMatch(/not an execution context/);
    expect(answer.effects[2]).toMatchObject({ evaluated: true, outcome: "cuts", error: null });
  });

  it("controls left when the time budget runs out say they were not evaluated, and the answer says it is incomplete", () => {
    const answer = effects(organisation(), [`ignore-scripts:${BUILD}`, `remove-secret:${BUILD}=${DEPLOY_KEY}`], {}, -1);
    expect(answer.complete).toBe(false);
    expect(answer.effects.map((effect) => effect.evaluated)).toEqual([false, false]);
    expect(answer.effects[0].description).toMatch(/scripts ignored/);
  });

  it("a question with an unknown source is refused as the radius refuses it", () => {
    const answer = whatIfEffects(organisation(), {
      refs: ["pkg:npm/nope@1.0.0"],
      advisories: [],
      maxHops: null,
      exposures: [],
      whatIf: [],
      timings: [],
      controls: [`ignore-scripts:${BUILD}`],
    });
    expect(answer.ok).toBe(false);
  });
});
