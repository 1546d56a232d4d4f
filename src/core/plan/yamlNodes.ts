import { isAlias, isMap, isScalar, isSeq, type Alias, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from '../model';
import type { Path } from './yamlWalk';

/** Where a path lands in the YAML tree: the deepest node reached and how many steps matched. */
export interface Located {
  node: Node | undefined;
  depth: number;
}

/**
 * Maps paths in the parsed value back to YAML nodes and their 1-based line/column ranges.
 * Duplicate keys resolve to the last one, as the parsed value does. Each step of a path costs
 * about the same however large the map or the document: maps are indexed by key on first use,
 * aliases come resolved (yamlScan.ts), and ranges are kept once computed.
 */
export class YamlNodes {
  private readonly keys = new WeakMap<YAMLMap, Map<string, Pair>>();
  private readonly ranges = new Map<Node, Range>();

  constructor(
    private readonly text: string,
    private readonly lines: LineCounter,
    private readonly root: unknown,
    private readonly aliases: ReadonlyMap<Alias, Node | undefined>,
  ) {}

  /** The deepest node along `path` (the root when nothing matches). */
  locate(path: Path): Located {
    let node = this.resolve(asNode(this.root));
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
    return asNode(this.pairs(node).get(key)?.key);
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
    if (!node || !r) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const known = this.ranges.get(node);
    if (known) return { ...known };
    let end = Math.min(r[1], this.text.length);
    while (end > r[0] && /\s/.test(this.text.charAt(end - 1))) end--;
    const a = this.pos(r[0]);
    const b = this.pos(Math.max(end, r[0]));
    const range = { line: a.line, column: a.col, endLine: b.line, endColumn: b.line === a.line ? Math.max(b.col, a.col + 1) : b.col };
    this.ranges.set(node, range);
    return { ...range };
  }

  /** The 1-based line and column of a character offset. */
  pos(offset: number): { line: number; col: number } {
    const p = this.lines.linePos(offset);
    return { line: Math.max(1, p.line), col: Math.max(1, p.col) };
  }

  /** The source text of a node's range, or its first `max` characters. */
  sourceText(node: Node | undefined, max = Infinity): string {
    const r = node?.range;
    return r ? this.text.slice(r[0], Math.min(r[1], r[0] + max)) : '';
  }

  /** The first `max` characters of a 1-based line (without its line break). */
  lineHead(line: number, max: number): string {
    const starts = this.lines.lineStarts;
    const start = starts[line - 1] ?? 0;
    const end = Math.min(starts[line] ?? this.text.length, start + max);
    return this.text.slice(start, end).replace(/\r?\n$/, '');
  }

  private child(node: Node | undefined, seg: string | number): Node | undefined {
    if (isSeq(node)) return typeof seg === 'number' ? this.resolve(asNode(node.items[seg])) : undefined;
    if (!isMap(node)) return undefined;
    const pair = this.pairs(node).get(String(seg));
    if (!pair) return undefined;
    // `hours:` with nothing after it: point at the key.
    const value = asNode(pair.value);
    return this.resolve(value?.range ? value : asNode(pair.key));
  }

  // The map's pairs by key as the parsed value spells it; the last of duplicate keys wins.
  private pairs(map: YAMLMap): Map<string, Pair> {
    let index = this.keys.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const key = keyText(pair.key);
        if (key !== undefined) index.set(key, pair);
      }
      this.keys.set(map, index);
    }
    return index;
  }

  private resolve(node: Node | undefined): Node | undefined {
    if (!isAlias(node)) return node;
    return asNode(this.aliases.get(node));
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
