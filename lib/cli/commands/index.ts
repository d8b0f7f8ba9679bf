import type { Command } from "../command";
import { complianceCommand } from "./compliance";
import { connectCommand } from "./connect";
import { findingsCommand } from "./findings";
import { fixesCommand } from "./fixes";
import { importCommand } from "./import";
import { migrateCommand } from "./migrate";
import { pathCommand } from "./path";
import { radiusCommand } from "./radius";
import { seedCommand } from "./seed";
import { startCommand } from "./start";
import { statsCommand } from "./stats";
import { tokenCommand } from "./token";
import { userCommand } from "./user";

/** Every `blastmap <command>`; each command lives in its own file beside this one. */
export const COMMANDS: Record<string, Command> = {
  import: importCommand,
  connect: connectCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  stats: statsCommand,
  radius: radiusCommand,
  path: pathCommand,
  fixes: fixesCommand,
  start: startCommand,
  token: tokenCommand,
  user: userCommand,
  findings: findingsCommand,
  compliance: complianceCommand,
};
