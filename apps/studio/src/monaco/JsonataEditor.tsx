import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { expressionEditorOptions } from './editor-options';
import { jsonataDiagnostics } from './jsonata-diagnostics';
import { JSONATA, setModelInputs } from './jsonata-language';
import type { MonacoApi } from './load-monaco';
import { createEchoTracker } from './echo-tracker';
import { minimalEdit } from './text-edit';
import { useMonaco } from './use-monaco';

export interface JsonataEditorProps {
  value: string;
  /** Called on every edit the analyst makes (not when `value` changes from outside). */
  onChange: (value: string) => void;
  /** The transform's input names, without `$`: completed and not reported as unknown. */
  inputs: readonly string[];
  ariaLabel: string;
  height?: number | string;
  /** More names bound around the transform (without `$`), e.g. an enclosing target's `report_item`. */
  bound?: readonly string[];
  /** For those who may look but not edit (reviewers, a submitted version). */
  readOnly?: boolean;
}

const MARKER_OWNER = 'jsonata';

/** A transform's JSONata expression in Monaco: syntax colours, completion of inputs and functions, inline diagnostics. */
export function JsonataEditor({
  value,
  onChange,
  inputs,
  ariaLabel,
  height = 96,
  bound,
  readOnly = false,
}: JsonataEditorProps) {
  const state = useMonaco();
  const style: CSSProperties = { height, width: '100%' };
  if (state.status === 'failed')
    // Editing must not depend on Monaco: a plain text area still lets the analyst fix the expression.
    return (
      <textarea
        className="monaco-fallback"
        style={style}
        aria-label={ariaLabel}
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  if (state.status === 'loading') return <div className="monaco-host" style={style} aria-busy="true" />;
  return (
    <LoadedJsonataEditor
      monaco={state.monaco}
      value={value}
      onChange={onChange}
      inputs={inputs}
      ariaLabel={ariaLabel}
      style={style}
      bound={bound}
      readOnly={readOnly}
    />
  );
}

interface LoadedProps extends Omit<JsonataEditorProps, 'height'> {
  monaco: MonacoApi;
  style: CSSProperties;
}

function LoadedJsonataEditor({
  monaco,
  value,
  onChange,
  inputs,
  ariaLabel,
  style,
  bound,
  readOnly,
}: LoadedProps) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor>();
  const latest = useRef({ value, onChange, inputs, bound, ariaLabel, readOnly });
  useLayoutEffect(() => {
    latest.current = { value, onChange, inputs, bound, ariaLabel, readOnly };
  });
  // Set while we write `value` into the model, so that write is not reported back as an edit.
  const applyingProp = useRef(false);
  const echoes = useRef(createEchoTracker());

  useEffect(() => {
    const model = monaco.editor.createModel(latest.current.value, JSONATA);
    const { ariaLabel: label, readOnly: locked } = latest.current;
    const created = monaco.editor.create(host.current!, {
      ...expressionEditorOptions,
      model,
      ariaLabel: label,
      readOnly: locked,
      domReadOnly: locked,
    });
    setModelInputs(model, latest.current.inputs);
    const showDiagnostics = () => showMarkers(monaco, model, latest.current.inputs, latest.current.bound);
    const subscription = model.onDidChangeContent(() => {
      showDiagnostics();
      if (applyingProp.current) return;
      const text = model.getValue();
      echoes.current.reported(text);
      latest.current.onChange(text);
    });
    showDiagnostics();
    setEditor(created);
    return () => {
      subscription.dispose();
      created.dispose();
      model.dispose();
      setEditor(undefined);
    };
    // The editor lives as long as the component (only `monaco` in deps): props reach it through `latest`
    // and the effects below, so a re-render never recreates it and the cursor stays put.
  }, [monaco]);

  useEffect(() => {
    editor?.updateOptions({ ariaLabel, readOnly, domReadOnly: readOnly });
  }, [editor, ariaLabel, readOnly]);

  const inputsKey = [...inputs, '|', ...(bound ?? [])].join(',');
  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    setModelInputs(model, latest.current.inputs);
    showMarkers(monaco, model, latest.current.inputs, latest.current.bound);
  }, [monaco, editor, inputsKey]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    // Our own edits coming back (the usual case) must not touch the model, or the cursor jumps or a
    // late echo undoes the last keystrokes.
    if (!echoes.current.shouldApply(value, model.getValue())) return;
    const edit = minimalEdit(model.getValue(), value);
    if (edit === undefined) return;
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    applyingProp.current = true;
    try {
      // A model edit (undoable), not editor.executeEdits: that one refuses to change a read-only editor.
      model.pushEditOperations(
        [],
        [
          {
            range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
            text: edit.text,
          },
        ],
        () => null,
      );
    } finally {
      applyingProp.current = false;
    }
  }, [monaco, editor, value]);

  return <div ref={host} className="monaco-host nodrag nowheel nokey" style={style} />;
}

function showMarkers(
  monaco: MonacoApi,
  model: Monaco.editor.ITextModel,
  inputs: readonly string[],
  bound: readonly string[] | undefined,
): void {
  if (model.isDisposed()) return;
  const markers = jsonataDiagnostics(model.getValue(), inputs, { bound: bound ?? [] }).map((d) => {
    const start = model.getPositionAt(d.startOffset);
    const end = model.getPositionAt(Math.max(d.endOffset, d.startOffset));
    return {
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: d.message,
      code: d.code,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}
