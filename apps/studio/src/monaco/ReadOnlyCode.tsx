import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { readOnlyViewOptions } from './editor-options';
import type { MonacoApi } from './load-monaco';
import { minimalEdit } from './text-edit';
import { useMonaco } from './use-monaco';

export interface ReadOnlyCodeProps {
  value: string;
  /** A Monaco language id: 'json', 'jsonata'. */
  language: string;
  ariaLabel: string;
  height?: number | string;
}

/** Read-only code in Monaco. A new `value` is applied as an edit of the changed part: no flicker, scroll kept. */
export function ReadOnlyCode({ value, language, ariaLabel, height = 320 }: ReadOnlyCodeProps) {
  const state = useMonaco();
  const style: CSSProperties = { height, width: '100%' };
  if (state.status === 'failed')
    return (
      <pre
        className="monaco-fallback"
        style={{ ...style, overflow: 'auto' }}
        aria-label={ariaLabel}
        tabIndex={0}
      >
        {value}
      </pre>
    );
  if (state.status === 'loading') return <div className="monaco-host" style={style} aria-busy="true" />;
  return (
    <LoadedReadOnlyCode
      monaco={state.monaco}
      value={value}
      language={language}
      ariaLabel={ariaLabel}
      style={style}
    />
  );
}

interface LoadedProps extends Omit<ReadOnlyCodeProps, 'height'> {
  monaco: MonacoApi;
  style: CSSProperties;
}

function LoadedReadOnlyCode({ monaco, value, language, ariaLabel, style }: LoadedProps) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor>();
  const initial = useRef({ value, language, ariaLabel });

  useEffect(() => {
    const { value: text, language: lang, ariaLabel: label } = initial.current;
    const model = monaco.editor.createModel(text, lang);
    const created = monaco.editor.create(host.current!, { ...readOnlyViewOptions, model, ariaLabel: label });
    setEditor(created);
    return () => {
      created.dispose();
      model.dispose();
      setEditor(undefined);
    };
  }, [monaco]);

  useEffect(() => {
    editor?.updateOptions({ ariaLabel });
  }, [editor, ariaLabel]);

  useEffect(() => {
    const model = editor?.getModel();
    if (model) monaco.editor.setModelLanguage(model, language);
  }, [monaco, editor, language]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    const edit = minimalEdit(model.getValue(), value);
    if (edit === undefined) return;
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    // A model edit, not setValue: setValue would reset scroll position and folds on every preview run.
    model.applyEdits([
      {
        range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
        text: edit.text,
      },
    ]);
  }, [monaco, editor, value]);

  return <div ref={host} className="monaco-host nodrag nowheel nokey" style={style} />;
}
