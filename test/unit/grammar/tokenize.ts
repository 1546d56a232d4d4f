// Loads the Marathon injection grammar over a small stand-in markdown grammar, the way VS Code
// does (`injectTo` → the registry's getInjections), and tokenizes text for the grammar tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
export const INJECTION_PATH = path.join(root, 'syntaxes/marathon.injection.tmLanguage.json');
const MARKDOWN_PATH = path.join(root, 'test/fixtures/grammar/markdown.tmLanguage.json');
const WASM_PATH = path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm');

const GRAMMARS: Record<string, string> = {
  'text.html.markdown': MARKDOWN_PATH,
  'marathon.injection': INJECTION_PATH,
};

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

export interface TokenizedLine {
  readonly text: string;
  readonly tokens: readonly Token[];
}

let grammar: Promise<vsctm.IGrammar> | undefined;

async function load(): Promise<vsctm.IGrammar> {
  // loadWASM may run once per process.
  const wasm = fs.readFileSync(WASM_PATH);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const file = GRAMMARS[scopeName];
      if (file === undefined) return null;
      return vsctm.parseRawGrammar(await fs.promises.readFile(file, 'utf8'), file);
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['marathon.injection'] : undefined),
  });
  const loaded = await registry.loadGrammar('text.html.markdown');
  if (!loaded) throw new Error('markdown stand-in grammar did not load');
  return loaded;
}

export function markdownGrammar(): Promise<vsctm.IGrammar> {
  grammar ??= load();
  return grammar;
}

/** Tokenizes a document line by line, carrying the rule stack as an editor does. */
export async function tokenizeDocument(source: string): Promise<TokenizedLine[]> {
  const g = await markdownGrammar();
  let stack = vsctm.INITIAL;
  return source.split(/\r?\n/).map((text) => {
    const r = g.tokenizeLine(text, stack);
    stack = r.ruleStack;
    return {
      text,
      tokens: r.tokens.map((t) => ({ text: text.slice(t.startIndex, t.endIndex), start: t.startIndex, end: t.endIndex, scopes: t.scopes })),
    };
  });
}
