// What npm, pnpm, yarn and bun commands in a `run:` step share, whatever the sub-command (install,
// publish): the flags that take a value, so the next word is not a package, folder or sub-command,
// and the ones among them that choose the folder the command works in.

export const SHARED_VALUE_FLAGS = ["--filter", "-F", "--dir", "-C", "--prefix", "--cwd", "--registry", "--loglevel", "--userconfig"] as const;

export const DIRECTORY_FLAGS: ReadonlySet<string> = new Set(["--prefix", "-C", "--dir", "--cwd"]);
