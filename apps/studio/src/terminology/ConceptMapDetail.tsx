import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConceptMap } from '@mapwright/engine';
import { useTRPC } from '../trpc';
import { describeIssue } from './api-types';
import { MappingTable } from './MappingTable';
import { TestCodeBox } from './TestCodeBox';

/** One ConceptMap: what it is, its codes (editable when allowed), and a box to try a code. */
export function ConceptMapDetail({
  id,
  editable,
  onSelect,
}: {
  id: string;
  /** The user may change stored maps (analyst, admin). */
  editable: boolean;
  onSelect: (id: string | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The table edits the version read here: it must not change under the analyst (a focus refetch would
  // carry someone else's save in, and the next save would silently replace it). Saves refresh it.
  const detail = useQuery({
    ...trpc.conceptMaps.get.queryOptions({ id }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  // Every conceptMaps answer may change with a save: the list's counts, this map, translations.
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.conceptMaps.pathKey() });
  const save = useMutation(
    trpc.conceptMaps.save.mutationOptions({
      onSuccess: async (result) => {
        if (result.ok) await refresh();
      },
    }),
  );
  const copy = useMutation(
    trpc.conceptMaps.save.mutationOptions({
      onSuccess: async (result) => {
        if (!result.ok) return;
        await refresh();
        onSelect(result.conceptMap.id);
      },
    }),
  );
  const remove = useMutation(
    trpc.conceptMaps.remove.mutationOptions({
      onSuccess: async () => {
        onSelect(null);
        await refresh();
      },
    }),
  );

  if (detail.isPending) return <p aria-busy="true">Loading…</p>;
  if (detail.isError) return <p role="alert">{detail.error.message}</p>;
  const { resource, bundled, errors } = detail.data;
  const readOnly = bundled || !editable;
  const title = resource.title ?? resource.name ?? resource.id;

  const makeCopy = () => {
    const copyId = `${resource.id}-local`;
    const local: ConceptMap = {
      ...resource,
      id: copyId,
      url: `${resource.url ?? `http://mapwright.dev/fhir/ConceptMap/${resource.id}`}-local`,
      title: `${title} (local copy)`,
      status: 'draft',
    };
    copy.mutate({ resource: local });
  };

  return (
    <article className="concept-map-detail" aria-labelledby="concept-map-title">
      <h2 id="concept-map-title">{title}</h2>
      <dl>
        <dt>Lookup nodes name it</dt>
        <dd>
          <code>{resource.id}</code>
        </dd>
        <dt>URL</dt>
        <dd>{resource.url ?? '—'}</dd>
        <dt>Status</dt>
        <dd>{resource.status}</dd>
      </dl>
      {bundled && (
        <p className="note">
          <span className="badge">bundled</span> Shipped with Mapwright (HL7 v2-to-FHIR IG): read-only.
          {editable && ' To change it, make a copy and have your lookups use the copy.'}
        </p>
      )}
      {!bundled && !editable && (
        <p className="note">Read-only: changing terminology needs the analyst role.</p>
      )}
      {bundled && editable && (
        <p>
          <button type="button" className="secondary" onClick={makeCopy} disabled={copy.isPending}>
            Make an editable copy
          </button>
        </p>
      )}
      {copy.isError && <p role="alert">{copy.error.message}</p>}
      {errors.length > 0 && (
        <div role="alert">
          <p>This map no longer passes validation, so lookups cannot use it:</p>
          <ul>
            {errors.map((issue, i) => (
              <li key={i}>{describeIssue(issue)}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>Codes</h3>
      {save.error?.data?.code === 'CONFLICT' && (
        <p>
          <button
            type="button"
            onClick={() => {
              save.reset();
              void detail.refetch();
            }}
          >
            Reload this map
          </button>
        </p>
      )}
      <MappingTable
        key={`${id}@${detail.data.updatedAt ?? 'bundled'}`}
        map={resource}
        readOnly={readOnly}
        save={{
          pending: save.isPending,
          errors: save.data && !save.data.ok ? save.data.errors : [],
          message: save.isError ? save.error.message : null,
          saved: save.data?.ok === true,
        }}
        onSave={(edited) =>
          save.mutate({
            id,
            resource: edited,
            ...(detail.data.updatedAt ? { expectedUpdatedAt: detail.data.updatedAt } : {}),
          })
        }
      />
      <TestCodeBox mapId={id} />
      {!readOnly && (
        <p>
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the ConceptMap “${title}”? Lookups that use it will fail.`))
                remove.mutate({ id });
            }}
          >
            Delete this ConceptMap
          </button>
        </p>
      )}
      {remove.isError && <p role="alert">{remove.error.message}</p>}
    </article>
  );
}
