import type { Command } from "../command";
import { migrateCommand } from "./migrate";
import { seedCommand } from "./seed";
import { startCommand } from "./start";
import { statsCommand } from "./stats";

/** Every `blastmap <command>`; each command lives in its own file beside this one. */
export const COMMANDS: Record<string, Command> = {
  migrate: migrateCommand,
  seed: seedCommand,
  stats: statsCommand,
  start: startCommand,
};
