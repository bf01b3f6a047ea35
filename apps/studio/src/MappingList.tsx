import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@mapwright/api';
import { useTRPC } from './trpc';

export function MappingList({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mappings = useQuery(trpc.mappings.list.queryOptions());
  // Signing out drops every cached answer: nothing of this user's stays in the page.
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({ onSuccess: () => queryClient.resetQueries() }),
  );

  return (
    <main className="mappings">
      <header>
        <h1>Mappings</h1>
        <span>
          {user.displayName} ({user.roles.join(', ')})
        </span>
        <button type="button" onClick={() => logout.mutate()}>
          Sign out
        </button>
      </header>
      {mappings.isError && <p role="alert">{mappings.error.message}</p>}
      {mappings.data && mappings.data.length === 0 && <p>No mappings yet.</p>}
      <ul>
        {mappings.data?.map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong> <code>{m.slug}</code> {m.sourceFormat}
          </li>
        ))}
      </ul>
    </main>
  );
}
