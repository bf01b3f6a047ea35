import type * as Monaco from 'monaco-editor/editor/editor.api';

type Options = Monaco.editor.IStandaloneEditorConstructionOptions;

/** Shared by every studio editor: sized by its box, widgets free to overflow cramped panels and canvas nodes. */
const common: Options = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  fontSize: 13,
  tabSize: 2,
  overviewRulerLanes: 0,
  scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10, alwaysConsumeMouseWheel: false },
};

/** A transform expression: a few lines, no gutter. */
export const expressionEditorOptions: Options = {
  ...common,
  lineNumbers: 'off',
  glyphMargin: false,
  folding: false,
  lineDecorationsWidth: 6,
  lineNumbersMinChars: 0,
  renderLineHighlight: 'none',
  wordWrap: 'on',
  quickSuggestions: { other: true, comments: false, strings: false },
  suggestOnTriggerCharacters: true,
};

/** Generated JSONata or a FHIR bundle: read-only, folding, line numbers to talk about. */
export const readOnlyViewOptions: Options = {
  ...common,
  readOnly: true,
  domReadOnly: true,
  folding: true,
  showFoldingControls: 'always',
  lineNumbers: 'on',
  renderLineHighlight: 'none',
  contextmenu: false,
};
