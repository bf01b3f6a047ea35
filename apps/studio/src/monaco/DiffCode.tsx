import { useEffect, useRef, type CSSProperties } from 'react';
import { readOnlyViewOptions } from './editor-options';
import type { MonacoApi } from './load-monaco';
import { useMonaco } from './use-monaco';

export interface DiffCodeProps {
  before: string;
  after: string;
  /** A Monaco language id: 'jsonata', 'json'. */
  language: string;
  ariaLabel: string;
  height?: number | string;
  /** Fold long unchanged stretches (a bundle with a one-line change shows that line). */
  hideUnchanged?: boolean;
}

/** Two texts side by side in Monaco's diff editor, read-only: the older on the left. */
export function DiffCode({
  before,
  after,
  language,
  ariaLabel,
  height = 420,
  hideUnchanged = false,
}: DiffCodeProps) {
  const state = useMonaco();
  const style: CSSProperties = { height, width: '100%' };
  if (state.status === 'failed')
    return (
      <div className="monaco-fallback diff-fallback" style={style} aria-label={ariaLabel}>
        <pre tabIndex={0}>{before}</pre>
        <pre tabIndex={0}>{after}</pre>
      </div>
    );
  if (state.status === 'loading') return <div className="monaco-host" style={style} aria-busy="true" />;
  return (
    <LoadedDiffCode
      monaco={state.monaco}
      before={before}
      after={after}
      language={language}
      ariaLabel={ariaLabel}
      hideUnchanged={hideUnchanged}
      style={style}
    />
  );
}

function LoadedDiffCode({
  monaco,
  before,
  after,
  language,
  ariaLabel,
  hideUnchanged,
  style,
}: Omit<DiffCodeProps, 'height'> & { monaco: MonacoApi; style: CSSProperties }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const original = monaco.editor.createModel(before, language);
    const modified = monaco.editor.createModel(after, language);
    const editor = monaco.editor.createDiffEditor(host.current!, {
      ...readOnlyViewOptions,
      originalEditable: false,
      renderSideBySide: true,
      ignoreTrimWhitespace: false,
      originalAriaLabel: `${ariaLabel}: before`,
      modifiedAriaLabel: `${ariaLabel}: after`,
      hideUnchangedRegions: {
        enabled: hideUnchanged === true,
        contextLineCount: 3,
        minimumLineCount: 3,
        revealLineCount: 20,
      },
    });
    editor.setModel({ original, modified });
    return () => {
      editor.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [after, ariaLabel, before, hideUnchanged, language, monaco]);
  return <div ref={host} className="monaco-host monaco-diff" style={style} aria-label={ariaLabel} />;
}
