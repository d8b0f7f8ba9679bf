"use client";

import { useActionState } from "react";
import { syncConnectorAction, type ConnectorSyncState } from "@/lib/actions/connectors";
import {
  CONNECTOR_SNAPSHOT_PARTS,
  type TConnectorAvailability,
  type TConnectorChanges,
  type TConnectorRunSummary,
} from "@/lib/schemas/connectors/connector-run";
import { ErrorMessage } from "@/components/layout/error-message";
import { TableScroll } from "@/components/ui/table-scroll";

const minute = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** "secrets +1 −2, runners +1" — only the parts that moved. */
function describeChanges(changes: TConnectorChanges | null): string {
  if (!changes) return "—";
  const moved = CONNECTOR_SNAPSHOT_PARTS.map((part) => ({ part, added: changes[part].added.length, removed: changes[part].removed.length })).filter(
    ({ added, removed }) => added + removed > 0,
  );
  if (moved.length === 0) return "no change";
  return moved.map(({ part, added, removed }) => `${part} ${added ? `+${added}` : ""}${added && removed ? " " : ""}${removed ? `−${removed}` : ""}`).join(", ");
}

export function ConnectorsSection({ runs, connectors }: { runs: TConnectorRunSummary[]; connectors: TConnectorAvailability[] }) {
  const [state, action, pending] = useActionState<ConnectorSyncState, FormData>(syncConnectorAction, { error: null, result: null });
  return (
    <section aria-labelledby="connectors-title">
      <h2 id="connectors-title">Connectors</h2>
      <p className="muted">
        Read an organisation&apos;s inventory from GitHub — repositories&apos; workflows and lockfiles, secret names, runners, deploy keys, Apps and approved
        tokens — or an npm scope&apos;s packages, maintainers, recent versions and members, and import it like files: all or nothing, with what changed since
        the last sync. The token is the server&apos;s own, read from its environment; it is never typed here or stored. To sync on a schedule, start the server
        with <code>--connect github:ORG --every 6h</code>.
      </p>
      <ul className="muted">
        {connectors.map((connector) => (
          <li key={connector.kind} data-testid={`connector-${connector.kind}`}>
            <strong>{connector.kind}</strong>: token from <code>${connector.tokenEnv}</code> {connector.tokenSet ? "(set)" : "(not set on the server)"}
            {connector.apiUrl ? (
              <>
                , API <code>{connector.apiUrl}</code>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <form action={action} className="form form-inline" aria-label="Start a connector sync">
        <label>
          Connector
          <select name="kind" defaultValue={connectors[0]?.kind}>
            {connectors.map((connector) => (
              <option key={connector.kind} value={connector.kind}>
                {connector.kind}
              </option>
            ))}
          </select>
        </label>
        <label>
          Organisation or scope
          <input name="target" type="text" required pattern="@?[A-Za-z0-9][A-Za-z0-9._\-]*" maxLength={100} placeholder="acme" />
        </label>
        <button className="button button-primary" type="submit" disabled={pending}>
          {pending ? "Syncing…" : "Start sync"}
        </button>
      </form>
      <ErrorMessage message={state.error} />
      {state.result ? (
        <div className={state.result.ok ? "card" : "card card-danger"} role="status" data-testid="connector-result">
          <p>
            <strong>
              {state.result.kind} {state.result.target}: {state.result.outcome}
            </strong>{" "}
            — {state.result.message}
          </p>
          {state.result.hint ? <p className="muted">{state.result.hint}</p> : null}
          {state.result.ok ? <p>Since the last sync: {describeChanges(state.result.changes)}</p> : null}
        </div>
      ) : null}

      {runs.length === 0 ? (
        <p className="muted">No connector has run yet.</p>
      ) : (
        <TableScroll label="Last connector runs">
          <table className="table" aria-label="Last connector runs">
            <thead>
              <tr>
                <th>Connector</th>
                <th>Target</th>
                <th>Last run</th>
                <th>Outcome</th>
                <th>Changes</th>
                <th>Message</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={`${run.kind}:${run.target}`}>
                  <td>{run.kind}</td>
                  <td>{run.target}</td>
                  <td>{minute(run.finishedAt)}</td>
                  <td>
                    <span className={run.outcome === "imported" || run.outcome === "unchanged" ? "badge" : "badge badge-danger"}>{run.outcome}</span>
                  </td>
                  <td>{describeChanges(run.changes)}</td>
                  <td>
                    {run.message}
                    {run.hint ? <div className="muted">{run.hint}</div> : null}
                  </td>
                  <td>
                    <form action={action}>
                      <input type="hidden" name="kind" value={run.kind} />
                      <input type="hidden" name="target" value={run.target} />
                      <button className="button" type="submit" disabled={pending} aria-label={`Sync ${run.kind} ${run.target} again`}>
                        Sync again
                      </button>
                    </form>
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
