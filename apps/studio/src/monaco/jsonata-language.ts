import type * as Monaco from 'monaco-editor/editor/editor.api';
import { completionEntries, hoverText, type CompletionKind } from './jsonata-completions';

type MonacoApi = typeof Monaco;

export const JSONATA = 'jsonata';

/** JSONata tokens. `$name(` is a call (coloured as a function), `$name` a variable, `` `a b` `` a quoted path step. */
export const jsonataMonarch: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: ['and', 'or', 'in', 'true', 'false', 'null', 'function'],
  tokenizer: {
    root: [
      [/\/\*/, 'comment', '@comment'],
      [/"/, 'string', '@doubleString'],
      [/'/, 'string', '@singleString'],
      [/`/, 'key', '@backtick'],
      [/\$\$?[A-Za-z_]\w*(?=\s*\()/, 'variable.predefined'],
      [/\$\$?[A-Za-z_]\w*/, 'variable'],
      [/\$\$?/, 'variable'],
      [/\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
      [/[A-Za-z_]\w*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/[{}()[\]]/, '@brackets'],
      [/:=|~>|!=|<=|>=|\?:|\?\?|\.\.|[-+*/%&=<>?:!|.,;#@^~λ]/, 'operator'],
      [/\s+/, 'white'],
    ],
    comment: [
      [/[^*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/\*/, 'comment'],
    ],
    doubleString: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
    singleString: [
      [/[^\\']+/, 'string'],
      [/\\./, 'string.escape'],
      [/'/, 'string', '@pop'],
    ],
    backtick: [
      [/[^`]+/, 'key'],
      [/`/, 'key', '@pop'],
    ],
  },
};

export const jsonataConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
    { open: '`', close: '`', notIn: ['string'] },
    { open: '/*', close: ' */', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
    { open: '`', close: '`' },
  ],
  // `$` belongs to the word, so completing `$to` replaces the `$` too and double-click selects `$name`.
  wordPattern: /(-?\d*\.\d\w*)|(\$\$?\w*)|([A-Za-z_]\w*)/g,
};

/** Each editor's transform inputs, by model URI: one completion provider serves every editor. */
const inputsByModel = new Map<string, readonly string[]>();

/** Tells completion and hover which inputs the transform edited in `model` has. */
export function setModelInputs(model: Monaco.editor.ITextModel, inputs: readonly string[]): void {
  const key = model.uri.toString();
  if (!inputsByModel.has(key)) model.onWillDispose(() => inputsByModel.delete(key));
  inputsByModel.set(key, inputs);
}

const inputsOf = (model: Monaco.editor.ITextModel): readonly string[] =>
  inputsByModel.get(model.uri.toString()) ?? [];

let registered = false;

/** Registers the 'jsonata' language once: tokens, brackets, completion of inputs and functions, hover docs. */
export function registerJsonataLanguage(monaco: MonacoApi): void {
  if (registered) return;
  registered = true;
  const { languages } = monaco;
  languages.register({ id: JSONATA, aliases: ['JSONata'], extensions: ['.jsonata'] });
  languages.setMonarchTokensProvider(JSONATA, jsonataMonarch);
  languages.setLanguageConfiguration(JSONATA, jsonataConfiguration);

  const kinds: Record<CompletionKind, Monaco.languages.CompletionItemKind> = {
    input: languages.CompletionItemKind.Variable,
    variable: languages.CompletionItemKind.Constant,
    function: languages.CompletionItemKind.Function,
  };
  languages.registerCompletionItemProvider(JSONATA, {
    triggerCharacters: ['$'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(
        position.lineNumber,
        word.startColumn,
        position.lineNumber,
        word.endColumn,
      );
      return {
        suggestions: completionEntries(inputsOf(model)).map((entry) => ({
          label: entry.label,
          kind: kinds[entry.kind],
          detail: entry.detail,
          documentation: { value: entry.documentation },
          insertText: entry.insertSnippet,
          insertTextRules: languages.CompletionItemInsertTextRule.InsertAsSnippet,
          sortText: entry.sortText,
          filterText: entry.label,
          range,
        })),
      };
    },
  });
  languages.registerHoverProvider(JSONATA, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      if (word === null || !word.word.startsWith('$')) return undefined;
      const text = hoverText(word.word.replace(/^\$+/, ''), inputsOf(model));
      if (text === undefined) return undefined;
      return {
        contents: [{ value: text }],
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
      };
    },
  });
}
