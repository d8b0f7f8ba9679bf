"use client";

import { useActionState } from "react";
import { createFirstAdminAction, type SetupState } from "@/lib/actions/setup";
import { ErrorMessage } from "@/components/layout/error-message";

export function SetupForm() {
  const [state, action, pending] = useActionState<SetupState, FormData>(createFirstAdminAction, { error: null });
  return (
    <section className="auth-card" aria-labelledby="setup-title">
      <h1 id="setup-title">Set up Blastmap</h1>
      <p className="muted">Create the first administrator. This page disappears once an account exists.</p>
      <form action={action} className="form">
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Name
          <input name="name" type="text" autoComplete="name" />
        </label>
        <label>
          Password (at least 12 characters)
          <input name="password" type="password" autoComplete="new-password" minLength={12} required />
        </label>
        <label>
          Repeat the password
          <input name="confirm" type="password" autoComplete="new-password" minLength={12} required />
        </label>
        <ErrorMessage message={state.error} />
        <button className="button button-primary" type="submit" disabled={pending}>
          Create administrator
        </button>
      </form>
    </section>
  );
}
