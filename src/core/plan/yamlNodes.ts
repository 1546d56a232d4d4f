import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Range } from '../model';
import type { Path } from './yamlWalk';

/** Where a path lands in the YAML tree: the deepest node reached and how many steps matched. */
export interface Located {
  node: Node | undefined;
  depth: number;
}

/**
 * Maps paths in the parsed value back to YAML nodes and their 1-based line/column ranges.
 * Duplicate keys resolve to the last one, as the parsed value does.
 */
export class YamlNodes {
  constructor(
    private readonly text: string,
    private readonly lines: LineCounter,
    private readonly doc: Document,
  ) {}

  /** The deepest node along `path` (the root when nothing matches). */
  locate(path: Path): Located {
    let node = this.resolve(asNode(this.doc.contents));
    let depth = 0;
    for (const seg of path) {
      const next = this.child(node, seg);
      if (!next) break;
      node = next;
      depth++;
    }
    return { node, depth };
  }

  /** The key node of `key` in the map at `path`. */
  keyNode(path: Path, key: string): Node | undefined {
    const { node, depth } = this.locate(path);
    if (depth < path.length || !isMap(node)) return undefined;
    let found: Node | undefined;
    for (const pair of node.items) {
      if (keyText(pair.key) === key && isNodeLike(pair.key)) found = pair.key;
    }
    return found;
  }

  /** The source text of the scalar at `path` (`024` for an id the parser read as 24). */
  source(path: Path): string | undefined {
    const { node, depth } = this.locate(path);
    return depth === path.length && isScalar(node) ? node.source : undefined;
  }

  /** The 1-based line of the node at `path` (or of its deepest existing ancestor). */
  line(path: Path): number {
    return this.range(this.locate(path).node).line;
  }

  /** The last line holding content of the node at `path`. */
  endLine(path: Path): number {
    return this.range(this.locate(path).node).endLine;
  }

  /** The range of a node without trailing blank lines; line 1 for a missing node. */
  range(node: Node | undefined): Range {
    const r = node?.range;
    if (!r) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    let end = Math.min(r[1], this.text.length);
    while (end > r[0] && /\s/.test(this.text.charAt(end - 1))) end--;
    const a = this.pos(r[0]);
    const b = this.pos(Math.max(end, r[0]));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.line === a.line ? Math.max(b.col, a.col + 1) : b.col };
  }

  /** The 1-based line and column of a character offset. */
  pos(offset: number): { line: number; col: number } {
    const p = this.lines.linePos(offset);
    return { line: Math.max(1, p.line), col: Math.max(1, p.col) };
  }

  /** The source text of a node's range. */
  sourceText(node: Node | undefined): string {
    const r = node?.range;
    return r ? this.text.slice(r[0], r[1]) : '';
  }

  private child(node: Node | undefined, seg: string | number): Node | undefined {
    if (isSeq(node)) return typeof seg === 'number' ? this.resolve(asNode(node.items[seg])) : undefined;
    if (!isMap(node)) return undefined;
    let found: Node | undefined;
    for (const pair of node.items) {
      if (keyText(pair.key) !== String(seg)) continue;
      // `hours:` with nothing after it: point at the key.
      const value = asNode(pair.value);
      found = value?.range ? value : asNode(pair.key);
    }
    return this.resolve(found);
  }

  private resolve(node: Node | undefined): Node | undefined {
    if (!isAlias(node)) return node;
    return asNode(node.resolve(this.doc));
  }
}

function isNodeLike(v: unknown): v is Node {
  return isScalar(v) || isMap(v) || isSeq(v) || isAlias(v);
}

function asNode(v: unknown): Node | undefined {
  return isNodeLike(v) ? v : undefined;
}

// The key as the parsed value spells it (keys become strings there).
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}
