/**
 * Monaco, bundled from the package: the editor core, the features our editors use, the JSON language and
 * our JSONata language. Workers are Vite worker chunks served from our own origin, never a CDN.
 * Import through loadMonaco() only: this module is the lazy chunk.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
// The editor features of editor.main without its 80 languages. Not a hand-picked subset: the JSON mode
// imports every contribution anyway, and an editor created before it loads would lack what it adds (the
// suggest widget, for one).
import 'monaco-editor/features/register.all';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/caretOperations/browser/caretOperations';
import 'monaco-editor/editor/contrib/dropOrPasteInto/browser/copyPasteContribution';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus';
import 'monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/common/standaloneStrings';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { registerJsonataLanguage } from './jsonata-language';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker({ name: 'json' }) : new EditorWorker({ name: label });
  },
};

registerJsonataLanguage(monaco);

export { monaco };
