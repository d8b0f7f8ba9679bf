import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { askGit, originLookup, plainOriginUrl } from "./git-origin-url";

// Checkouts made by git itself, each config written by `git remote add` / `git config` or appended
// in a form git accepts; every answer of the lookup is compared with `git remote get-url origin`.

let root: string;
const savedHome = process.env.HOME;

function checkout(name: string, configure: (directory: string) => void): string {
  const directory = path.join(root, name);
  execFileSync("git", ["init", "-q", directory]);
  configure(directory);
  return directory;
}
const git = (directory: string, ...args: string[]) => execFileSync("git", ["-C", directory, ...args]);
const appendConfig = (directory: string, text: string) => appendFileSync(path.join(directory, ".git", "config"), text);
const configText = (directory: string) => execFileSync("cat", [path.join(directory, ".git", "config")], { encoding: "utf8" });

/** The lookup with git's answers counted: which checkouts the config file alone decided. */
function countingLookup(options: { uid?: number } = {}) {
  const asked: string[] = [];
  const lookup = originLookup({
    ...options,
    git: (directory) => {
      asked.push(path.basename(directory));
      return askGit(directory);
    },
  });
  return { lookup, asked };
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "blastmap-origin-"));
  // a user configuration of this test's own: no rewrite rules unless a test writes them
  process.env.HOME = root;
  writeFileSync(path.join(root, ".gitconfig"), "[user]\n\tname = test\n\temail = test@example.invalid\n");
});
afterAll(() => {
  process.env.HOME = savedHome;
  rmSync(root, { recursive: true, force: true });
});

describe("a checkout's origin URL", () => {
  it("is read from .git/config without git where the file alone decides it, and equals git's answer", () => {
    const plain = [
      checkout("https", (d) => git(d, "remote", "add", "origin", "https://github.com/acme/web.git")),
      checkout("scp", (d) => git(d, "remote", "add", "origin", "git@github.com:acme/api.git")),
      checkout("two-urls", (d) => {
        git(d, "config", "--add", "remote.origin.url", "https://github.com/acme/first.git");
        git(d, "config", "--add", "remote.origin.url", "https://github.com/acme/second.git");
      }),
      // git reads section and key names in any case; the remote's name as written
      checkout("cases", (d) => appendConfig(d, '[REMOTE "origin"]\n\tURL = https://github.com/acme/cases.git\n')),
      checkout("crlf", (d) => appendConfig(d, '[remote "origin"]\r\n\turl = https://github.com/acme/crlf.git\r\n')),
      checkout("other-remotes", (d) => {
        git(d, "remote", "add", "upstream", "https://github.com/upstream/other.git");
        git(d, "remote", "add", "origin", "https://github.com/acme/other.git");
      }),
    ];
    const { lookup, asked } = countingLookup();
    for (const directory of plain) expect(lookup(directory), path.basename(directory)).toBe(askGit(directory));
    expect(asked).toEqual([]);
    expect(lookup(plain[2])).toBe("https://github.com/acme/first.git");
  });

  it("is no URL when the checkout has no origin, as git says (the walk names the checkout after its folder)", () => {
    const none = checkout("no-origin", (d) => git(d, "remote", "add", "upstream", "https://github.com/acme/upstream.git"));
    expect(askGit(none)).toBeNull();
    expect(countingLookup().lookup(none)).toBeNull();
  });

  it("is git's to find whenever the config holds what a line-by-line reading could get wrong", () => {
    const forGit = [
      checkout("quoted", (d) => appendConfig(d, '[remote "origin"]\n\turl = "https://github.com/acme/quoted.git"\n')),
      checkout("comment", (d) => appendConfig(d, '[remote "origin"]\n\turl = https://github.com/acme/comment.git ; the old name\n')),
      checkout("header-comment", (d) => appendConfig(d, '[remote "origin"] # moved\n\turl = https://github.com/acme/header.git\n')),
      checkout("rewritten", (d) => {
        git(d, "config", "url.https://github.com/acme-renamed/.insteadOf", "https://github.com/acme/");
        git(d, "remote", "add", "origin", "https://github.com/acme/rewritten.git");
      }),
      checkout("included", (d) => {
        writeFileSync(path.join(root, "origin.inc"), '[remote "origin"]\n\turl = https://github.com/acme/included.git\n');
        git(d, "config", "include.path", path.join(root, "origin.inc"));
      }),
      checkout("legacy-header", (d) => appendConfig(d, "[remote.origin]\n\turl = https://github.com/acme/legacy.git\n")),
    ];
    const { lookup, asked } = countingLookup();
    for (const directory of forGit) expect(plainOriginUrl(configText(directory)), path.basename(directory)).toBeUndefined();
    for (const directory of forGit) expect(lookup(directory), path.basename(directory)).toBe(askGit(directory));
    expect(asked).toEqual(forGit.map((directory) => path.basename(directory)));
    // what git makes of them, which a plain reading would have missed
    expect(lookup(forGit[0])).toBe("https://github.com/acme/quoted.git");
    expect(lookup(forGit[3])).toBe("https://github.com/acme-renamed/rewritten.git");
    expect(lookup(forGit[4])).toBe("https://github.com/acme/included.git");
  });

  it("is git's to find for a worktree (.git is a file) and for a checkout another user owns", () => {
    const main = checkout("main-tree", (d) => {
      git(d, "remote", "add", "origin", "https://github.com/acme/main.git");
      git(d, "commit", "-q", "--allow-empty", "-m", "start");
    });
    const worktree = path.join(root, "linked-tree");
    git(main, "worktree", "add", "-q", worktree);
    const { lookup, asked } = countingLookup();
    expect(lookup(worktree)).toBe("https://github.com/acme/main.git");
    expect(asked).toEqual(["linked-tree"]);

    // git refuses a repository owned by another user ("dubious ownership"); the lookup leaves that to git
    const other = countingLookup({ uid: (process.getuid?.() ?? 0) + 1 });
    expect(other.lookup(main)).toBe(askGit(main));
    expect(other.asked).toEqual(["main-tree"]);
  });

  it("is git's to find for every checkout when the user's configuration rewrites URLs", () => {
    const directory = checkout("user-rewrite", (d) => git(d, "remote", "add", "origin", "https://github.com/acme/moved.git"));
    appendFileSync(path.join(root, ".gitconfig"), '[url "https://github.com/acme-new/"]\n\tinsteadOf = https://github.com/acme/\n');
    try {
      const { lookup, asked } = countingLookup();
      expect(lookup(directory)).toBe("https://github.com/acme-new/moved.git");
      expect(asked).toEqual(["user-rewrite"]);
    } finally {
      writeFileSync(path.join(root, ".gitconfig"), "[user]\n\tname = test\n\temail = test@example.invalid\n");
    }
  });
});
