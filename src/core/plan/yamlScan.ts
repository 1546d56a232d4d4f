import { CST, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Alias, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Linear scans that keep the YAML library on safe ground: how deep the token tree nests (the
 * library composes and converts documents recursively, and a few hundred levels abort the whole
 * process inside V8), and one pass over the composed tree for duplicate keys, keys that are lists
 * or maps, and aliases.
 */

/** Documents nesting lists and maps deeper than this are refused. A plan needs about six levels. */
export const MAX_DEPTH = 64;

/**
 * The offset of the first collection (in document order) nested more than `limit` levels deep in
 * the parser's tokens, or `undefined`. The parser itself keeps an explicit stack, so it copes with
 * any depth; this walk does too, and it looks at each token once.
 */
export function tooDeepAt(tokens: readonly CST.Token[], limit = MAX_DEPTH): number | undefined {
  // Tokens still to look at, each with the depth of its parent; the next in document order on top.
  const stack: TokenStack = [];
  pushReversed(stack, tokens, 0);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { token } = top;
    const depth = CST.isCollection(token) ? top.depth + 1 : top.depth;
    if (depth > limit) return token.offset;
    const mark = stack.length;
    // Every token inside, in document order. Source tokens (indicators, spaces, comments) have
    // none; they are listed anyway so that nothing the parser tucked away is missed.
    switch (token.type) {
      case 'document':
        pushAll(stack, token.start, depth);
        push(stack, token.value, depth);
        pushAll(stack, token.end, depth);
        break;
      case 'block-scalar':
        pushAll(stack, token.props, depth);
        break;
      case 'flow-collection':
      case 'block-map':
      case 'block-seq':
        if (token.type === 'flow-collection') push(stack, token.start, depth);
        for (const item of token.items as readonly CST.CollectionItem[]) {
          pushAll(stack, item.start, depth);
          push(stack, item.key, depth);
          pushAll(stack, item.sep, depth);
          push(stack, item.value, depth);
        }
        if (token.type === 'flow-collection') pushAll(stack, token.end, depth);
        break;
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'doc-end':
        pushAll(stack, token.end, depth);
        break;
      default:
        break;
    }
    // Pushed in document order: reverse them so the first comes off the stack first.
    for (let i = mark, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j]!, stack[i]!];
  }
  return undefined;
}

type TokenStack = { token: CST.Token; depth: number }[];

function push(stack: TokenStack, token: CST.Token | null | undefined, depth: number): void {
  if (token) stack.push({ token, depth });
}

function pushAll(stack: TokenStack, tokens: readonly CST.Token[] | undefined, depth: number): void {
  if (tokens) for (const token of tokens) stack.push({ token, depth });
}

function pushReversed(stack: TokenStack, tokens: readonly CST.Token[], depth: number): void {
  for (let i = tokens.length - 1; i >= 0; i--) push(stack, tokens[i], depth);
}

/** A key written twice in one map: the later one wins, as in the parsed value. */
export interface DuplicateKey {
  /** The later key and the first one, as written (an alias stays an alias). */
  key: Node;
  first: Node;
  /** The key's value (for an alias, its anchor's). */
  value: unknown;
}

/** An alias the reader will not expand, and why. */
export interface AliasTrouble {
  alias: Alias;
  reason: 'cycle' | 'size' | 'depth';
}

type Collection = YAMLMap | YAMLSeq;

/**
 * One pass over a composed document, in document order, and what it found. The YAML library's
 * own handling of these is not linear: its duplicate-key check compares each key with every
 * earlier one; converting a map whose key is a list or a map writes that key out as text, at a
 * cost that grows with its size at every level; and each alias it resolves scans the anchors
 * and aliases before it (a whole-document walk when it counts alias expansions). So duplicates
 * are found here with one index per map, collection keys are taken out (and reported), and
 * aliases are resolved once, measured, and replaced by the nodes they name before conversion.
 */
export class TreeScan {
  /** The node each alias refers to: the last node before it with its anchor. */
  readonly aliases = new Map<Alias, Node | undefined>();
  readonly duplicates: DuplicateKey[] = [];
  /** Keys that are (or alias) a list or a map; their entries have been taken out of the document. */
  readonly collectionKeys: { key: Node; target: Collection }[] = [];
  private readonly collections: { c: Collection; hidden: boolean }[] = [];

  constructor(private readonly doc: Document) {
    this.walk();
    for (const { c, hidden } of this.collections) if (isMap(c)) c.items = this.checkKeys(c.items, hidden);
  }

  /**
   * Why the document's aliases must not be expanded, or `undefined` when they may: an alias
   * inside the node it names, more than `budget` values in all once every alias is expanded,
   * or lists and maps nested more than `maxDepth` levels deep that way. Linear: each node is
   * measured once, however many aliases name it.
   */
  aliasTrouble(budget: number, maxDepth: number): AliasTrouble | undefined {
    if (this.aliases.size === 0) return undefined;
    const measured = new Map<Node, Measure | null>();
    const cycle = measure(this.doc.contents, this.aliases, measured, budget + 1);
    if (cycle) return { alias: cycle, reason: 'cycle' };
    const root = isNodeLike(this.doc.contents) ? measured.get(this.doc.contents) : undefined;
    if (!root || (root.size <= budget && root.depth <= maxDepth)) return undefined;
    // Point at the alias that stands for the most (the first of equals).
    const reason = root.size > budget ? 'size' : 'depth';
    let worst: { alias: Alias; score: number } | undefined;
    for (const [alias, target] of this.aliases) {
      const m = target ? measured.get(target) : undefined;
      const score = m ? (reason === 'size' ? m.size : m.depth) : -1;
      if (score >= 0 && (!worst || score > worst.score)) worst = { alias, score };
    }
    return worst && { alias: worst.alias, reason };
  }

  /** Aliases with no anchor of their name before them. */
  unresolved(): Alias[] {
    return [...this.aliases].filter(([, target]) => !target).map(([alias]) => alias);
  }

  /**
   * Replaces every alias by the node it names, or by an empty value when it names none (call
   * once `aliasTrouble` is clear). The document then converts without the library's alias
   * handling; a node named by several aliases is converted once for each.
   */
  expandAliases(): void {
    if (this.aliases.size === 0) return;
    const target = (v: unknown) => {
      if (!isAlias(v)) return v;
      const node = this.aliases.get(v);
      if (node) return node;
      const empty = new Scalar(null);
      if (v.range) empty.range = [v.range[0], v.range[1], v.range[2]];
      return empty;
    };
    this.doc.contents = target(this.doc.contents) as Document['contents'];
    for (const { c } of this.collections) {
      const items = c.items as unknown[];
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (isPair(item)) {
          item.key = target(item.key);
          item.value = target(item.value);
        } else {
          items[i] = target(item);
        }
      }
    }
  }

  private walk(): void {
    const anchors = new Map<string, Node>();
    // Still to visit, the next in document order on top; `hidden` inside a key that is a list or
    // a map, whose problems are not reported (the entry as a whole is).
    const stack: { v: unknown; hidden: boolean }[] = [{ v: this.doc.contents, hidden: false }];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const { v, hidden } = top;
      if (isPair(v)) {
        stack.push({ v: v.value, hidden }, { v: v.key, hidden: hidden || isMap(v.key) || isSeq(v.key) });
      } else if (isAlias(v)) {
        this.aliases.set(v, anchors.get(v.source));
      } else if (isScalar(v) || isMap(v) || isSeq(v)) {
        if (v.anchor) anchors.set(v.anchor, v);
        if (isMap(v) || isSeq(v)) {
          this.collections.push({ c: v, hidden });
          const items = v.items as unknown[];
          for (let i = items.length - 1; i >= 0; i--) stack.push({ v: items[i], hidden });
        }
      }
    }
  }

  // Records duplicate keys, replaces alias keys that name text by that text, and returns the
  // pairs without the ones keyed by a list or a map (the same array when there are none).
  // Inside a key that is itself taken out (`hidden`), nothing is recorded.
  private checkKeys(pairs: Pair[], hidden: boolean): Pair[] {
    const seen = new Map<unknown, Node>();
    let kept: Pair[] | undefined;
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i];
      if (!pair) continue;
      const written = pair.key;
      const key = isAlias(written) ? this.aliases.get(written) : written;
      if (isMap(key) || isSeq(key)) {
        if (!hidden) this.collectionKeys.push({ key: written as Node, target: key });
        kept ??= pairs.slice(0, i);
        continue;
      }
      kept?.push(pair);
      if (isAlias(written) && key) pair.key = key;
      // The library's test: scalar keys with equal (===) values.
      if (hidden || !isScalar(key) || Number.isNaN(key.value)) continue;
      const first = seen.get(key.value);
      if (first) this.duplicates.push({ key: written as Node, first, value: key.value });
      else seen.set(key.value, written as Node);
    }
    return kept ?? pairs;
  }
}

interface Measure {
  /** How many nodes the node stands for once every alias in it is expanded (capped). */
  size: number;
  /** How deep lists and maps nest inside it once expanded. */
  depth: number;
}

/**
 * Measures every node reachable from `root` (following aliases) without recursion, each once.
 * Returns the alias that leads back into a node being measured, if any.
 */
function measure(root: unknown, aliases: ReadonlyMap<Alias, Node | undefined>, measured: Map<Node, Measure | null>, cap: number): Alias | undefined {
  const follow = (v: unknown): Node | undefined => {
    const n = isAlias(v) ? aliases.get(v) : v;
    return isNodeLike(n) && !isAlias(n) ? n : undefined;
  };
  const start = follow(root);
  if (!start) return undefined;
  const stack: { node: Node; kids: unknown[]; next: number }[] = [];
  const enter = (node: Node) => {
    measured.set(node, null);
    stack.push({ node, kids: kidsOf(node), next: 0 });
  };
  enter(start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top) break;
    if (top.next < top.kids.length) {
      const kid = top.kids[top.next++];
      const node = follow(kid);
      if (!node) continue;
      const m = measured.get(node);
      if (m === null) return isAlias(kid) ? kid : undefined;
      if (m === undefined) enter(node);
      continue;
    }
    stack.pop();
    let size = 1;
    let depth = 0;
    for (const kid of top.kids) {
      const node = follow(kid);
      const m = node ? measured.get(node) : undefined;
      if (!m) continue;
      size = Math.min(cap, size + m.size);
      depth = Math.max(depth, m.depth);
    }
    measured.set(top.node, { size, depth: isMap(top.node) || isSeq(top.node) ? depth + 1 : depth });
  }
  return undefined;
}

// The keys, values and items of a collection; nothing for a scalar.
function kidsOf(node: Node): unknown[] {
  if (!isMap(node) && !isSeq(node)) return [];
  const out: unknown[] = [];
  for (const item of node.items as unknown[]) {
    if (isPair(item)) out.push(item.key, item.value);
    else out.push(item);
  }
  return out;
}

function isNodeLike(v: unknown): v is Node {
  return isScalar(v) || isMap(v) || isSeq(v) || isAlias(v);
}
