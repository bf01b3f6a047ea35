import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTRPC } from '../trpc';
import type { ConceptMapSummary } from './api-types';
import { shortSystem } from './rows';

const matches = (map: ConceptMapSummary, words: string[]) => {
  const text = [map.name, map.url, map.resourceId, map.sourceSystem, map.targetSystem]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
};

/** Every ConceptMap, bundled and stored, with a search over names, urls, ids and systems. */
export function ConceptMapList({
  selected,
  onSelect,
}: {
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const trpc = useTRPC();
  const list = useQuery(trpc.conceptMaps.list.queryOptions());
  const [search, setSearch] = useState('');
  const searchId = useId();
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = list.data?.filter((map) => matches(map, words)) ?? [];

  return (
    <div className="concept-map-list">
      <label htmlFor={searchId}>Search ConceptMaps</label>
      <input
        id={searchId}
        type="search"
        placeholder="name, url, id or system"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {list.isPending && <p aria-busy="true">Loading…</p>}
      {list.isError && <p role="alert">{list.error.message}</p>}
      {list.data && (
        <table>
          <caption>
            {shown.length} of {list.data.length} ConceptMaps
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Source → target</th>
              <th scope="col">Codes</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((map) => (
              <tr key={map.id} className={map.id === selected ? 'selected' : undefined}>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-pressed={map.id === selected}
                    onClick={() => onSelect(map.id)}
                  >
                    {map.name}
                  </button>{' '}
                  {map.bundled && <span className="badge">bundled</span>}
                  <div className="url">{map.url}</div>
                </td>
                <td title={`${map.sourceSystem ?? '(any)'} → ${map.targetSystem ?? '(any)'}`}>
                  {shortSystem(map.sourceSystem)} → {shortSystem(map.targetSystem)}
                </td>
                <td className="count">{map.elementCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
