import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '@mapwright/api';
import { useState } from 'react';
import { ImportZipButton } from './files/ImportZipButton';
import { NewMapping } from './NewMapping';
import { ReviewQueue } from './review/ReviewQueue';
import { canEdit } from './roles';
import { hrefFor } from './routes';
import { useTRPC } from './trpc';

export function MappingList({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const mappings = useQuery(trpc.mappings.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const canCreate = canEdit(user.roles);

  return (
    <main className="mappings">
      <header>
        <h1>Mappings</h1>
        {canCreate && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New mapping
          </button>
        )}
        {canCreate && <ImportZipButton />}
      </header>
      {creating && <NewMapping onCancel={() => setCreating(false)} />}
      <ReviewQueue />
      {mappings.isError && <p role="alert">{mappings.error.message}</p>}
      {mappings.data && mappings.data.length === 0 && <p>No mappings yet.</p>}
      <ul className="mapping-list">
        {mappings.data?.map((m) => (
          <li key={m.id}>
            <a href={hrefFor({ name: 'mapping', id: m.id })}>
              <strong>{m.name}</strong>
            </a>{' '}
            <code>{m.slug}</code> {m.sourceFormat}
          </li>
        ))}
      </ul>
    </main>
  );
}
