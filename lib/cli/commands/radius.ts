import { computeRadius, computeRadiusJson } from "@/lib/services/radius/compute-radius";
import { radiusQueryParams, ZRadiusInput, ZRadiusResult, type TRadiusResult } from "@/lib/schemas/radius";
import type { TRefProblem } from "@/lib/schemas/input-problem";
import { formatTable, parseCommandArgs, writeJsonChunks, type Command } from "../command";
import type { LocalServer } from "../local-server";
import { askServer, pipeToStdout } from "../remote-engine";
import { withDatabaseOrServer } from "../with-database";
import { optionProblemsError, refProblemsError } from "./ref-problems";

const usage =
  "blastmap radius <ref> [<ref> …] [--advisory <id>]… [--json] [--max-hops N] [--exposure install,job,runner,runtime] [--timing now] [--what-if <control>]…";
const TABLE_ROWS = 200;

export const radiusCommand: Command = {
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        json: { type: "boolean" },
        "max-hops": { type: "string" },
        exposure: { type: "string", multiple: true },
        timing: { type: "string", multiple: true },
        "what-if": { type: "string", multiple: true },
        advisory: { type: "string", multiple: true },
      },
      usage,
      true,
    );
    const input = ZRadiusInput.safeParse({
      refs: positionals,
      advisories: values.advisory,
      maxHops: values["max-hops"],
      exposures: values.exposure,
      whatIf: values["what-if"],
      timings: values.timing,
    });
    if (!input.success) throw optionProblemsError(input.error, usage);
    const remote = (server: LocalServer) => askServer(server, "/api/blast-radius", radiusQueryParams(input.data));
    if (values.json) {
      const answer = await withDatabaseOrServer<{ ok: true } | { ok: false; errors: TRefProblem[] }>(
        async (database) => {
          const local = await computeRadiusJson(database, input.data);
          if (!local.ok) return local;
          await writeJsonChunks(local.result);
          return { ok: true };
        },
        async (server) => {
          const asked = await remote(server);
          if (!asked.ok) return asked;
          await pipeToStdout(asked.response);
          return { ok: true };
        },
      );
      if (!answer.ok) throw refProblemsError(answer.errors);
      return 0;
    }
    const answer = await withDatabaseOrServer(
      (database) => computeRadius(database, input.data),
      async (server) => {
        const asked = await remote(server);
        return asked.ok ? { ok: true as const, result: ZRadiusResult.parse(await asked.response.json()) } : asked;
      },
    );
    if (!answer.ok) throw refProblemsError(answer.errors);
    printRadius(answer.result);
    return 0;
  },
};

export function printRadius(result: TRadiusResult): void {
  const { summary } = result;
  console.log(`Blast radius of ${result.source.description}`);
  console.log(`graph version ${result.graphVersion}; ${describeOptions(result)}\n`);
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${kind} ${count}`)
      .join(", ") || "none";
  console.log(`reached:      ${summary.total} node(s), worm generations up to ${summary.maxGeneration}`);
  console.log(
    `timing:       ${summary.now} now (${summary.nowCredentials} secret(s) or identit(ies)); ${summary.total - summary.now} only on the next resolve`,
  );
  console.log(`by kind:      ${counts(summary.countsByKind)}`);
  console.log(`systems:      ${counts(summary.systemsByCriticality)}`);
  console.log(`republishable packages: ${summary.republishablePackages.map((p) => p.key).join(", ") || "none"}`);
  console.log(`long-lived identities:  ${summary.longLivedIdentities.map((i) => i.key).join(", ") || "none"}`);
  if (result.before) {
    console.log(
      `\nwhat-if: ${result.before.total} → ${summary.total} node(s); critical systems ${result.before.systemsByCriticality.critical} → ${summary.systemsByCriticality.critical}; republishable packages ${result.before.republishablePackages.length} → ${summary.republishablePackages.length}`,
    );
  }
  console.log();
  const rows = result.nodes
    .slice(0, TABLE_ROWS)
    .map((node) => [
      node.kind,
      node.key,
      node.hops,
      node.generation,
      node.timing === "now" ? "now" : "next resolve",
      node.exposure ?? "-",
      node.assumed ? "yes" : "",
      node.path.length ? node.path.map((step) => step.kind).join(" > ") : "(source)",
    ]);
  console.log(formatTable([["kind", "node", "hops", "gen", "timing", "exposure", "assumed", "chain"], ...rows]));
  if (result.nodes.length > TABLE_ROWS) console.log(`… ${result.nodes.length - TABLE_ROWS} more (use --json for all, with full paths)`);
  if (result.pinnedNotReached.length) {
    console.log("\nPinned, not reached (uses pinned to a commit no source names bad):");
    for (const use of result.pinnedNotReached) console.log(`  ${use.context} uses ${use.action}@${use.ref ?? "?"}${use.line ? ` (line ${use.line})` : ""}`);
  }
  console.log("\nRotation plan (work in this order):");
  if (!result.rotationPlan.length) console.log("  nothing to rotate: no secret or identity is reached");
  for (const item of result.rotationPlan) {
    const also = [...item.secrets, ...item.identities].map((member) => member.key).filter((key) => key !== item.key);
    const when = item.timing === "now" ? "now" : "next resolve";
    console.log(
      `${String(item.rank).padStart(3)}. ${item.action.toUpperCase()} ${item.key}${also.length ? ` + ${also.join(", ")}` : ""}  [${when}, ${item.exposure ?? "source"}, ${item.lifetime}] (owner: ${item.owner ?? "unknown"})`,
    );
    console.log(`     ${item.reason}`);
    if (item.shortLivedReplacement) console.log(`     replace with: ${item.shortLivedReplacement}`);
  }
}

function describeOptions(result: TRadiusResult): string {
  const parts = [
    result.options.maxHops ? `max ${result.options.maxHops} hops` : "no hop limit",
    result.options.exposures.length ? `exposure ${result.options.exposures.join(",")}` : "every exposure level",
    result.options.timings.length ? `timing ${result.options.timings.join(",")}` : "now and next resolve",
  ];
  if (result.options.whatIf.length) parts.push(`what-if ${result.options.whatIf.join(" ")}`);
  return parts.join("; ");
}
