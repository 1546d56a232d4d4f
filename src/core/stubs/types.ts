// What the stub detector reports about one file.

/** A function whose body is only a placeholder (`pass`, `...`, a TODO, a not-implemented throw …). */
export interface StubFunction {
  name: string;
  /** 1-based line of the function's name (`def`, `function`, the method or the variable). */
  line: number;
}

/** The verdict of {@link detectStubs} on one file. */
export interface StubReport {
  /** True when the file as a whole is a stub (see `STUB_FILE_RATIO` for functions). */
  stub: boolean;
  /** Why, in a few words: `empty file`, `only TODO/placeholder text`, `3 of 4 functions are stubs` … */
  reason: string;
  /** 1-based lines that show it: the placeholder lines, or the stub functions' lines. */
  lines: number[];
  /** The stub functions, also when the file as a whole is not a stub (a partial file). */
  functions: StubFunction[];
}

/** One function a language analyser found, with its verdict. */
export interface AnalysedFunction {
  name: string;
  line: number;
  /** 1-based lines the function spans (header to end of body). */
  endLine: number;
  stub: boolean;
  /** What made it a stub: `pass`, `raise NotImplementedError`, `only a TODO comment` … */
  why?: string;
}

/** What a language analyser returns about a source file. */
export interface SourceAnalysis {
  /** Functions that count (abstract methods, overloads and protocol members are left out). */
  functions: AnalysedFunction[];
  /** Lines of real code outside every counted function (imports and punctuation excluded). */
  outsideCodeLines: number;
  /** Lines holding code at all (imports included); 0 means only comments and blanks. */
  codeLines: number;
  /** Lines of comments (and of Python docstrings at module level) with TODO-like text. */
  todoLines: number[];
}
