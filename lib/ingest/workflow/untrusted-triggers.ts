import { isRecord } from "./matrix";
import { expressionsIn } from "./secret-references";

// "Pwn requests": events that run with the base repository's secrets and a write token while an
// outside contributor controls the pull request, comment or issue. A job on such an event that
// checks out the contributor's code, or pastes their text into a shell script, runs attacker code
// with those secrets — the root cause of the 2025 Nx (s1ngularity) and PostHog compromises.
// Plain `pull_request` from a fork gets no secrets and a read-only token, so it is not listed.

export const PRIVILEGED_TRIGGERS = ["pull_request_target", "issue_comment", "issues", "workflow_run", "discussion", "discussion_comment"] as const;

export interface UntrustedCode {
  trigger: string;
  line: number | null;
  reason: string;
}

export interface StepView {
  uses: string | null;
  run: string | null;
  with: Record<string, unknown>;
  line: number | null;
}

// Refs that name the contributor's commit or branch.
const PR_CODE_REF =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|refs\/pull\/|github\.event\.workflow_run\.head_(sha|branch)|github\.event\.issue\.pull_request|github\.event\.pull_request\.merge_commit_sha/i;
// Contributor-controlled text that becomes shell code when interpolated with ${{ }}.
const CONTRIBUTOR_TEXT =
  /\b(github\.event\.(pull_request\.(title|body|head\.ref|head\.label)|issue\.(title|body)|comment\.body|review\.body|review_comment\.body|discussion\.(title|body)|head_commit\.message|workflow_run\.(head_branch|head_commit\.message|display_title))|github\.head_ref)\b/i;
const GIT_FETCH = /\bgit\s+(fetch|checkout|pull)\b/i;

export function untrustedCodeIn(triggers: readonly string[], steps: readonly StepView[]): UntrustedCode | null {
  const trigger = triggers.find((name) => (PRIVILEGED_TRIGGERS as readonly string[]).includes(name));
  if (!trigger) return null;
  for (const step of steps) {
    const action = step.uses?.split("@")[0].toLowerCase() ?? null;
    if (action === "actions/checkout") {
      const ref = String(step.with.ref ?? "");
      const repository = String(step.with.repository ?? "");
      if (PR_CODE_REF.test(ref) || /pull_request\.head\.repo/i.test(repository)) {
        return { trigger, line: step.line, reason: `checks out the pull request's code (ref: ${ref || repository}) on ${trigger}` };
      }
    }
    if (step.run && fetchesPullRequest(step.run)) {
      return { trigger, line: step.line, reason: `fetches the pull request's code in a run script on ${trigger}` };
    }
    const script = step.run ?? (action === "actions/github-script" && typeof step.with.script === "string" ? step.with.script : null);
    for (const { body } of script ? expressionsIn(script) : []) {
      const injected = CONTRIBUTOR_TEXT.exec(body);
      if (injected) return { trigger, line: step.line, reason: `interpolates ${injected[1]} into a script on ${trigger}` };
    }
  }
  return null;
}

/** `gh pr checkout`, or a git fetch/checkout/pull of a pull request ref, checked line by line. */
function fetchesPullRequest(script: string): boolean {
  return script.split("\n").some((line) => {
    if (/\bgh\s+pr\s+checkout\b/i.test(line)) return true;
    if (!GIT_FETCH.test(line)) return false;
    return /pull\/|refs\/pull/i.test(line) || expressionsIn(line).some(({ body }) => /head|pull_request/i.test(body));
  });
}

export function stepWith(step: Record<string, unknown>): Record<string, unknown> {
  return isRecord(step.with) ? step.with : {};
}
