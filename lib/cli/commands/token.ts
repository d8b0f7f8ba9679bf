import { ZodError } from "zod";
import { createApiToken, TokenNameTakenError } from "@/lib/data/tokens/create-api-token";
import { listApiTokens } from "@/lib/data/tokens/list-api-tokens";
import { revokeApiToken, TokenNotFoundError } from "@/lib/data/tokens/revoke-api-token";
import { CliError } from "../cli-error";
import { cliActor } from "../cli-actor";
import { formatTable, parseCommandArgs, printJson, type Command } from "../command";
import { withDatabase } from "../with-database";

const usage =
  "blastmap token create --name N --scope import|read [--days N (default 30, at most 365)] [--json] | blastmap token list [--json] | blastmap token revoke --name N";

const iso = (value: Date | null) => (value ? value.toISOString().slice(0, 16).replace("T", " ") : "never");

export const tokenCommand: Command = {
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { name: { type: "string" }, scope: { type: "string" }, days: { type: "string" }, json: { type: "boolean" } },
      usage,
      true,
    );
    const [action] = positionals;
    try {
      if (action === "create") {
        if (!values.name || !values.scope) throw new CliError(`--name and --scope are required\nusage: ${usage}`, 2);
        const input = { name: values.name, scope: values.scope as "import" | "read", days: values.days ?? undefined };
        const { token, summary } = await withDatabase(({ prisma }) => createApiToken(prisma, input, cliActor()));
        if (values.json) printJson({ ...summary, token });
        else {
          console.log(`created token ${summary.name} (scope ${summary.scope}, expires ${summary.expiresAt.toISOString()})`);
          console.log(`token: ${token}\n(shown once; it is stored only as a hash)`);
        }
        return 0;
      }
      if (action === "list") {
        const tokens = await withDatabase(({ prisma }) => listApiTokens(prisma));
        if (values.json) printJson(tokens);
        else
          console.log(
            formatTable([
              ["name", "token", "scope", "status", "expires", "last used", "created by"],
              ...tokens.map((t) => [t.name, `${t.prefix}…`, t.scope, t.status, iso(t.expiresAt), iso(t.lastUsedAt), t.createdByName]),
            ]),
          );
        return 0;
      }
      if (action === "revoke") {
        if (!values.name) throw new CliError(`--name is required\nusage: ${usage}`, 2);
        const { revoked } = await withDatabase(({ prisma }) => revokeApiToken(prisma, values.name!, cliActor()));
        console.log(revoked ? `revoked ${values.name}` : `${values.name} was already revoked`);
        return 0;
      }
      throw new CliError(`unknown or missing action "${action ?? ""}"\nusage: ${usage}`, 2);
    } catch (error) {
      if (error instanceof ZodError) throw new CliError(error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"), 2);
      if (error instanceof TokenNameTakenError || error instanceof TokenNotFoundError) throw new CliError(error.message, 1);
      throw error;
    }
  },
};
