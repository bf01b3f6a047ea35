import type { SessionUser } from '@mapwright/api';
import { useState } from 'react';
import { canEdit } from './api-types';
import { ConceptMapDetail } from './ConceptMapDetail';
import { ConceptMapList } from './ConceptMapList';
import { ImportPanel } from './ImportPanel';
import './terminology.css';

/** ConceptMaps: list, edit as a table, import, test a code. */
export function TerminologyScreen({ user }: { user: SessionUser }) {
  const [selected, setSelected] = useState<string | null>(null);
  const editable = canEdit(user.roles);

  return (
    <main className="terminology">
      <h1>Terminology</h1>
      <div className="terminology-layout">
        <section aria-labelledby="concept-maps-heading">
          <h2 id="concept-maps-heading">ConceptMaps</h2>
          <ConceptMapList selected={selected} onSelect={setSelected} />
        </section>
        <section aria-label="Selected ConceptMap">
          {selected ? (
            <ConceptMapDetail key={selected} id={selected} editable={editable} onSelect={setSelected} />
          ) : (
            <p className="placeholder">Select a ConceptMap to see its codes and test a code.</p>
          )}
        </section>
      </div>
      {editable && <ImportPanel onImported={setSelected} />}
    </main>
  );
}
