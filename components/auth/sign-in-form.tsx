"use client";

import { useActionState } from "react";
import { signInAction, signInWithOidcAction, type SignInState } from "@/lib/actions/sign-in";
import { ErrorMessage } from "@/components/layout/error-message";

export function SignInForm({ next, ssoName, initialError }: { next: string; ssoName: string | null; initialError: string | null }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: initialError });
  return (
    <section className="auth-card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Blastmap</h1>
      <form action={action} className="form">
        <input type="hidden" name="next" value={next} />
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required defaultValue={state.email ?? ""} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <ErrorMessage message={state.error} />
        <button className="button button-primary" type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {ssoName ? (
        <form action={signInWithOidcAction} className="form">
          <input type="hidden" name="next" value={next} />
          <button className="button" type="submit">
            Sign in with {ssoName}
          </button>
        </form>
      ) : null}
    </section>
  );
}
