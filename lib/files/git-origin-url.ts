import { spawnSync } from "node:child_process";
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";

// `git remote get-url origin` for a checkout, read from the checkout's own .git/config wherever
// that file alone decides the answer. Spawning git costs ~5.5 ms a checkout: 5.5 s of reading an
// organisation of 1,000 checkouts, more than parsing them. git itself still answers whenever
// anything this reader does not reproduce could change the answer: a .git that is a file
// (worktrees, submodules) or owned by another user (git refuses those: "dubious ownership"),
// include directives, URL rewrites (`insteadOf`) here or in the user's and system's config, an
// environment that moves the repository or adds configuration (GIT_DIR, GIT_CONFIG_*), and any
// value written with quotes, escapes or comments.

/** How one checkout's origin URL is found: its config file, else git. */
export type OriginLookup = (checkout: string) => string | null;

const ORIGIN_SECTION = /^\s*\[\s*remote\s+"origin"\s*\]\s*$/i;
const ANY_SECTION = /^\s*\[/;
const URL_ENTRY = /^\s*url\s*=(.*)$/i;
/** What makes git's reading of a file differ from a line-by-line one: includes, rewrites, quoting, escapes, comments. */
const BEYOND_PLAIN = /insteadof|^\s*\[\s*include/im;
const PLAIN_VALUE = /^[^"\\#;]*$/;
/** Variables that point git at another repository or give it configuration of their own. */
const GIT_ENVIRONMENT = /^GIT_(DIR|WORK_TREE|COMMON_DIR|CONFIG\w*)$/;

/** Asks git, as the fast path's fallback: null when git fails or the checkout has no origin. */
export function askGit(checkout: string): string | null {
  const remote = spawnSync("git", ["-C", checkout, "remote", "get-url", "origin"], { encoding: "utf8", timeout: 5000 });
  return remote.status === 0 ? remote.stdout.trim() : null;
}

/**
 * Whether the user's and the system's git configuration could change an origin URL (rewrite
 * rules, or an origin of their own): asked of git once per walk. Exit status 1 is "no such
 * entry"; anything else (git missing, an unreadable file) counts as "could".
 */
function configBeyondCheckoutMatters(): boolean {
  if (Object.keys(process.env).some((name) => GIT_ENVIRONMENT.test(name))) return true;
  return ["--global", "--system"].some((scope) => {
    const found = spawnSync("git", ["config", "--includes", scope, "--get-regexp", "^(url\\..*\\.insteadof|remote\\.origin\\.url)$"], {
      encoding: "utf8",
      timeout: 5000,
    });
    return found.status !== 1;
  });
}

/** The first origin URL in a config file's text; undefined when the text needs git to read it. */
export function plainOriginUrl(configText: string): string | null | undefined {
  if (BEYOND_PLAIN.test(configText)) return undefined;
  let inOrigin = false;
  for (const line of configText.split(/\r?\n/)) {
    if (ANY_SECTION.test(line)) {
      inOrigin = ORIGIN_SECTION.test(line);
      // a header written any other way ([remote.origin], a comment after it) is git's to read
      if (!inOrigin && /^\s*\[\s*remote\b/i.test(line) && !/^\s*\[\s*remote\s+"[^"\\]*"\s*\]\s*$/i.test(line)) return undefined;
      continue;
    }
    if (!inOrigin) continue;
    const entry = URL_ENTRY.exec(line);
    if (!entry) continue;
    const value = entry[1].trim();
    if (!PLAIN_VALUE.test(value) || value === "") return undefined;
    return value;
  }
  return null;
}

/**
 * A lookup for one walk: the checks that do not depend on the checkout are made once, on first use.
 * `uid` is the user git compares a repository's owner with (this process's); `git` answers what
 * the config file cannot.
 */
export function originLookup({ uid = process.getuid?.(), git = askGit }: { uid?: number; git?: OriginLookup } = {}): OriginLookup {
  let gitDecides: boolean | undefined;
  return (checkout) => {
    gitDecides ??= configBeyondCheckoutMatters();
    if (gitDecides) return git(checkout);
    const gitDirectory = path.join(checkout, ".git");
    const stat = lstatSync(gitDirectory, { throwIfNoEntry: false });
    if (!stat?.isDirectory() || uid === undefined || stat.uid !== uid) return git(checkout);
    let text: string;
    try {
      text = readFileSync(path.join(gitDirectory, "config"), "utf8");
    } catch {
      return git(checkout);
    }
    const url = plainOriginUrl(text);
    return url === undefined ? git(checkout) : url;
  };
}
