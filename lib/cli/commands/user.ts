import { ZodError } from "zod";
import { generatePassword } from "@/lib/auth/generate-password";
import { createUser, UserExistsError } from "@/lib/data/users/create-user";
import { listUsers } from "@/lib/data/users/list-users";
import { ZRole } from "@/lib/schemas/user";
import { CliError } from "../cli-error";
import { cliActor } from "../cli-actor";
import { formatTable, parseCommandArgs, printJson, type Command } from "../command";
import { withDatabase } from "../with-database";
import { describeIssues } from "@/lib/schemas/input-problem";

const usage = "blastmap user create --email E --role admin|responder|auditor|viewer [--name N] [--password-stdin] [--json] | blastmap user list [--json]";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export const userCommand: Command = {
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        "password-stdin": { type: "boolean" },
        json: { type: "boolean" },
      },
      usage,
      true,
    );
    const [action] = positionals;
    if (action === "list") {
      const users = await withDatabase(({ prisma }) => listUsers(prisma));
      if (values.json) printJson(users);
      else
        console.log(
          formatTable([
            ["email", "role", "sign-in", "created"],
            ...users.map((u) => [u.email, u.role, u.sso ? "sso" : "password", u.createdAt.toISOString().slice(0, 10)]),
          ]),
        );
      return 0;
    }
    if (action !== "create") throw new CliError(`unknown or missing action "${action ?? ""}"\nusage: ${usage}`, 2);
    if (!values.email) throw new CliError(`--email is required\nusage: ${usage}`, 2);
    const role = ZRole.safeParse(values.role);
    if (!role.success) throw new CliError(`--role must be one of admin, responder, auditor, viewer\nusage: ${usage}`, 2);
    const given = values["password-stdin"] ? await readStdin() : null;
    const password = given ?? generatePassword();
    try {
      const user = await withDatabase(({ prisma }) => createUser(prisma, { email: values.email!, name: values.name, role: role.data, password }, cliActor()));
      if (values.json) printJson({ ...user, password: given ? undefined : password });
      else {
        console.log(`created ${user.role} ${user.email}`);
        if (!given) console.log(`password: ${password}\n(shown once; it is stored only as a hash)`);
      }
      return 0;
    } catch (error) {
      if (error instanceof ZodError) throw new CliError(describeIssues(error.issues).join("\n"), 2);
      if (error instanceof UserExistsError) throw new CliError(error.message, 1);
      throw error;
    }
  },
};
