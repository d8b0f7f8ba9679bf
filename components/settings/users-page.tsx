"use client";

import { useActionState } from "react";
import { changeUserRoleAction, createUserAction, deleteUserAction, type UserFormState, type UserRowState } from "@/lib/actions/users";
import { ROLES } from "@/lib/auth/permissions";
import type { TUserSummary } from "@/lib/schemas/user";
import { ErrorMessage } from "@/components/layout/error-message";
import { TableScroll } from "@/components/ui/table-scroll";

const ROLE_HELP: Record<(typeof ROLES)[number], string> = {
  admin: "users, tokens, settings, deletions",
  responder: "imports, incidents, what-if, rotation tracking",
  auditor: "reads everything, compliance exports, audit log; changes nothing",
  viewer: "reads the inventory and graphs",
};

export function UsersPage({ users, currentUserId }: { users: TUserSummary[]; currentUserId: string }) {
  const [state, action, pending] = useActionState<UserFormState, FormData>(createUserAction, { error: null, created: null });
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <TableScroll label="Users">
        <table className="table" aria-label="Users">
          <thead>
            <tr>
              <th>Email</th>
              <th>Name</th>
              <th>Sign-in</th>
              <th>Role</th>
              <th>Created</th>
              <th>
                <span className="sr-only">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2>Add a user</h2>
      <form action={action} className="form form-inline" aria-label="Add a user">
        <label>
          Email
          <input name="email" type="email" required />
        </label>
        <label>
          Name
          <input name="name" type="text" />
        </label>
        <label>
          Role
          <select name="role" defaultValue="viewer">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role} — {ROLE_HELP[role]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Password (empty: generate one)
          <input name="password" type="password" autoComplete="new-password" />
        </label>
        <button className="button button-primary" type="submit" disabled={pending}>
          Add user
        </button>
      </form>
      <ErrorMessage message={state.error} />
      {state.created ? (
        <div className="card" role="status">
          <p>Created {state.created.email}.</p>
          {state.created.password ? (
            <>
              <p>Their password, shown only now — pass it on through a secure channel:</p>
              <p className="one-time-secret" data-testid="generated-password">
                {state.created.password}
              </p>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function UserRow({ user, isSelf }: { user: TUserSummary; isSelf: boolean }) {
  const [roleState, roleAction] = useActionState<UserRowState, FormData>(changeUserRoleAction, { error: null });
  const [deleteState, deleteAction] = useActionState<UserRowState, FormData>(deleteUserAction, { error: null });
  const error = roleState.error ?? deleteState.error;
  return (
    <tr>
      <td>{user.email}</td>
      <td>{user.name}</td>
      <td>{user.sso ? "single sign-on" : "password"}</td>
      <td>
        <form action={roleAction} className="form-inline" aria-label={`Role of ${user.email}`}>
          <input type="hidden" name="userId" value={user.id} />
          <select name="role" defaultValue={user.role} aria-label={`Role of ${user.email}`}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          <button className="button" type="submit">
            Save
          </button>
        </form>
        <ErrorMessage message={error} />
      </td>
      <td>{user.createdAt.toISOString().slice(0, 10)}</td>
      <td>
        {isSelf ? (
          <span className="muted">you</span>
        ) : (
          <form
            action={deleteAction}
            onSubmit={(event) => {
              // Deleting ends the person's sessions at once and cannot be undone (their audit entries stay).
              if (!window.confirm(`Delete ${user.email}? They are signed out at once and cannot sign in again; their entries in the audit log stay.`))
                event.preventDefault();
            }}
          >
            <input type="hidden" name="userId" value={user.id} />
            <button className="button button-danger" type="submit" aria-label={`Delete ${user.email}`}>
              Delete
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
