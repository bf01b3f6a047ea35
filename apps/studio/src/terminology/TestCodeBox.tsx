import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '../trpc';

/** Translates one code with the engine's own lookup, so the answer is what a lookup node would produce. */
export function TestCodeBox({ mapId }: { mapId: string }) {
  const trpc = useTRPC();
  const [code, setCode] = useState('');
  const [system, setSystem] = useState('');
  const [asked, setAsked] = useState<{ code: string; system?: string } | null>(null);
  const codeId = useId();
  const systemId = useId();
  const result = useQuery(
    trpc.conceptMaps.translate.queryOptions(
      { id: mapId, ...(asked ?? { code: '' }) },
      { enabled: asked !== null },
    ),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === '') return;
    setAsked({ code: code.trim(), ...(system.trim() && { system: system.trim() }) });
  };

  const answer = result.data;
  return (
    <section className="test-code" aria-labelledby={`${codeId}-heading`}>
      <h3 id={`${codeId}-heading`}>Test a code</h3>
      <form onSubmit={submit}>
        <div>
          <label htmlFor={codeId}>Code</label>
          <input id={codeId} required value={code} onChange={(e) => setCode(e.target.value)} />
        </div>
        <div>
          <label htmlFor={systemId}>Source system (optional)</label>
          <input
            id={systemId}
            placeholder="URI or HL70001"
            value={system}
            onChange={(e) => setSystem(e.target.value)}
          />
        </div>
        <button type="submit">Test</button>
      </form>
      {result.isError && <p role="alert">{result.error.message}</p>}
      <p role="status" className={answer ? (answer.found ? 'hit' : 'miss') : undefined}>
        {asked && result.isFetching && 'Looking up…'}
        {!result.isFetching && answer?.found === true && (
          <>
            Hit: <code>{asked?.code}</code> → <code>{answer.code}</code>
            {answer.display && <> “{answer.display}”</>}
            {answer.system && <> in {answer.system}</>}
            {answer.equivalence && <> ({answer.equivalence})</>}
            {answer.caseInsensitive && <> — matched ignoring case</>}
          </>
        )}
        {!result.isFetching && answer?.found === false && (
          <>
            Miss ({answer.reason}): {answer.message}
          </>
        )}
      </p>
    </section>
  );
}
