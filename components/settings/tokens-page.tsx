"use client";

import { useActionState } from "react";
import { createApiTokenAction, revokeApiTokenAction, type TokenFormState } from "@/lib/actions/tokens";
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } from "@/lib/auth/api-token";
import type { TApiTokenSummary } from "@/lib/schemas/api-token";
import { ErrorMessage } from "@/components/layout/error-message";
import { TableScroll } from "@/components/ui/table-scroll";

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 16).replace("T", " ") : "never");

export function TokensPage({ tokens }: { tokens: TApiTokenSummary[] }) {
  const [state, action, pending] = useActionState<TokenFormState, FormData>(createApiTokenAction, { error: null, created: null });
  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">API tokens</h1>
      <p className="muted">
        Tokens for CI ingestion (<code>import</code>) and read access (<code>read</code>). Send one as <code>Authorization: Bearer bm_…</code>. Blastmap keeps
        only a hash; each token also appears in the inventory as a non-human identity.
      </p>

      <form action={action} className="form form-inline" aria-label="Create a token">
        <label>
          Name
          <input name="name" type="text" required pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" maxLength={64} />
        </label>
        <label>
          Scope
          <select name="scope" defaultValue="import">
            <option value="import">import — send imports, read</option>
            <option value="read">read — read only</option>
          </select>
        </label>
        <label>
          Expires in (days)
          <input name="days" type="number" min={1} max={API_TOKEN_MAX_DAYS} defaultValue={API_TOKEN_DEFAULT_DAYS} required />
        </label>
        <button className="button button-primary" type="submit" disabled={pending}>
          Create token
        </button>
      </form>
      <ErrorMessage message={state.error} />
      {state.created ? (
        <div className="card" role="status">
          <p>
            Token <strong>{state.created.name}</strong> (expires {state.created.expiresAt.slice(0, 10)}). Copy it now — it is shown only once:
          </p>
          <p className="one-time-secret" data-testid="new-token">
            {state.created.token}
          </p>
        </div>
      ) : null}

      {tokens.length === 0 ? (
        <div className="empty-state">
          <h2>No tokens yet</h2>
        </div>
      ) : (
        <TableScroll label="API tokens">
          <table className="table" aria-label="API tokens">
            <thead>
              <tr>
                <th>Name</th>
                <th>Token</th>
                <th>Scope</th>
                <th>Created by</th>
                <th>Expires</th>
                <th>Last used</th>
                <th>Status</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{token.scope}</td>
                  <td>{token.createdByName}</td>
                  <td>{day(token.expiresAt)}</td>
                  <td>{day(token.lastUsedAt)}</td>
                  <td>
                    <span className={token.status === "active" ? "badge" : "badge badge-danger"}>{token.status}</span>
                  </td>
                  <td>
                    {token.status === "revoked" ? null : (
                      <form action={revokeApiTokenAction}>
                        <input type="hidden" name="name" value={token.name} />
                        <button className="button button-danger" type="submit" aria-label={`Revoke ${token.name}`}>
                          Revoke
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
