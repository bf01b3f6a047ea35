// The studio's Monaco: import components from here; Monaco itself loads on first render of one of them.
export { JsonataEditor, type JsonataEditorProps } from './JsonataEditor';
export { JsonView, type JsonViewProps } from './JsonView';
export { CodeView, type CodeViewProps } from './CodeView';
export { loadMonaco, type MonacoApi } from './load-monaco';
export { jsonataDiagnostics, type JsonataDiagnostic } from './jsonata-diagnostics';
export { DiffCode, type DiffCodeProps } from './DiffCode';
