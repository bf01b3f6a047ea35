import type { ConceptMap, ConceptMapEquivalence } from '@mapwright/engine';
import { useMemo, useState, type FormEvent } from 'react';
import { describeIssue, type ConceptMapIssue } from './api-types';
import {
  EQUIVALENCES,
  emptyRow,
  rowsMissingSource,
  rowsOf,
  sameJson,
  shortSystem,
  withRows,
  type MappingRow,
} from './rows';

type TextField = 'sourceCode' | 'sourceDisplay' | 'targetCode' | 'targetDisplay';
const COLUMNS: { field: TextField; label: string }[] = [
  { field: 'sourceCode', label: 'Source code' },
  { field: 'sourceDisplay', label: 'Source display' },
  { field: 'targetCode', label: 'Target code' },
  { field: 'targetDisplay', label: 'Target display' },
];

export interface SaveState {
  pending: boolean;
  /** What the server refused, located; or a message (permissions, conflicts). */
  errors: ConceptMapIssue[];
  message: string | null;
  saved: boolean;
}

/**
 * The map's codes as a table. Editable: cells are inputs, rows can be added and deleted, Save sends the
 * whole map. Read-only (bundled maps, reviewers, operators): plain text.
 */
export function MappingTable({
  map,
  readOnly,
  save,
  onSave,
}: {
  map: ConceptMap;
  readOnly: boolean;
  save: SaveState;
  onSave: (map: ConceptMap) => void;
}) {
  // Keyed by the map's id by the parent: the rows are this component's draft until saved.
  const [rows, setRows] = useState<MappingRow[]>(() => rowsOf(map));
  const [missing, setMissing] = useState<number[]>([]);
  const edited = useMemo(() => withRows(map, rows), [map, rows]);
  const dirty = !sameJson(edited, map);
  const grouped = map.group.length > 1;

  const update = (key: string, change: Partial<MappingRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = rowsMissingSource(rows);
    setMissing(problems);
    if (problems.length === 0) onSave(edited);
  };

  if (readOnly) {
    return (
      <table className="mapping-table">
        <caption>{rows.length} rows</caption>
        <thead>
          <tr>
            {grouped && <th scope="col">Target system</th>}
            {COLUMNS.map((c) => (
              <th key={c.field} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">Equivalence</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {grouped && <td>{shortSystem(map.group[row.group]?.target)}</td>}
              {COLUMNS.map((c) => (
                <td key={c.field}>{c.field.endsWith('Code') ? <code>{row[c.field]}</code> : row[c.field]}</td>
              ))}
              <td title={row.comment}>{row.equivalence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <form onSubmit={submit} className="mapping-table-form">
      <table className="mapping-table">
        <caption>{rows.length} rows</caption>
        <thead>
          <tr>
            {grouped && <th scope="col">Target system</th>}
            {COLUMNS.map((c) => (
              <th key={c.field} scope="col">
                {c.label}
              </th>
            ))}
            <th scope="col">Equivalence</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.key} className={missing.includes(i + 1) ? 'invalid' : undefined}>
              {grouped && <td>{shortSystem(map.group[row.group]?.target)}</td>}
              {COLUMNS.map((c) => (
                <td key={c.field}>
                  <input
                    aria-label={`${c.label}, row ${i + 1}`}
                    value={row[c.field]}
                    onChange={(e) => update(row.key, { [c.field]: e.target.value })}
                  />
                </td>
              ))}
              <td>
                <select
                  aria-label={`Equivalence, row ${i + 1}`}
                  value={row.equivalence}
                  onChange={(e) => update(row.key, { equivalence: e.target.value as ConceptMapEquivalence })}
                >
                  {EQUIVALENCES.map((eq) => (
                    <option key={eq}>{eq}</option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Delete row ${i + 1}`}
                  onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p role="alert">
          Not saved: {missing.length === 1 ? 'row' : 'rows'} {missing.join(', ')}{' '}
          {missing.length === 1 ? 'has' : 'have'} no source code. Fill it in or delete the row.
        </p>
      )}
      {save.errors.length > 0 && (
        <div role="alert">
          <p>Not saved: fix these and save again.</p>
          <ul>
            {save.errors.map((issue, i) => (
              <li key={i}>{describeIssue(issue)}</li>
            ))}
          </ul>
        </div>
      )}
      {save.message && <p role="alert">{save.message}</p>}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setRows((current) => [...current, emptyRow()])}
        >
          Add row
        </button>
        <button type="submit" disabled={save.pending || !dirty}>
          Save
        </button>
        <span role="status">{dirty ? 'Unsaved changes' : save.saved ? 'Saved.' : ''}</span>
      </div>
    </form>
  );
}
