import { CST, isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Linear scans that keep the YAML library on safe ground: how deep the token tree nests (the
 * library composes and converts documents recursively, and a few hundred levels abort the whole
 * process inside V8), and one pass over the composed tree for duplicate keys, keys that are lists
 * or maps, and what every alias refers to.
 */

/** Documents nesting lists and maps deeper than this are refused. A plan needs about six levels. */
export const MAX_DEPTH = 64;

/**
 * The offset of the first collection (in document order) nested more than `limit` levels deep in
 * the parser's tokens, or `undefined`. The parser itself keeps an explicit stack, so it copes with
 * any depth; this walk does too, and it looks at each token once.
 */
export function tooDeepAt(tokens: readonly CST.Token[], limit = MAX_DEPTH): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  const pushAll = (list: readonly CST.Token[], depth: number) => {
    for (let i = list.length - 1; i >= 0; i--) {
      const token = list[i];
      if (token) stack.push({ token, depth });
    }
  };
  pushAll(tokens, 0);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const depth = CST.isCollection(top.token) ? top.depth + 1 : top.depth;
    if (depth > limit) return top.token.offset;
    pushAll(children(top.token), depth);
  }
  return undefined;
}

// Every token inside `t`, in document order. Source tokens (indicators, spaces, comments) have
// none; they are listed anyway so that nothing the parser tucked away is missed.
function children(t: CST.Token): CST.Token[] {
  const out: CST.Token[] = [];
  const add = (x: CST.Token | null | undefined) => {
    if (x) out.push(x);
  };
  const addAll = (list: readonly CST.Token[] | undefined) => {
    if (list) for (const x of list) out.push(x);
  };
  switch (t.type) {
    case 'document':
      addAll(t.start);
      add(t.value);
      addAll(t.end);
      break;
    case 'block-scalar':
      addAll(t.props);
      break;
    case 'flow-collection':
    case 'block-map':
    case 'block-seq':
      if (t.type === 'flow-collection') add(t.start);
      for (const item of t.items as readonly CST.CollectionItem[]) {
        addAll(item.start);
        add(item.key);
        addAll(item.sep);
        add(item.value);
      }
      if (t.type === 'flow-collection') addAll(t.end);
      break;
    case 'alias':
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'doc-end':
      addAll(t.end);
      break;
    default:
      break;
  }
  return out;
}

/** A key written twice in one map: the later one wins, as in the parsed value. */
export interface DuplicateKey {
  key: Scalar;
  first: Scalar;
}

/** What one pass over a composed document found. */
export interface TreeScan {
  /** The node each alias refers to: the last node before it with its anchor. */
  aliases: Map<Alias, Node | undefined>;
  duplicates: DuplicateKey[];
  /** Keys that are a list or a map; their entries have been taken out of the document. */
  collectionKeys: (YAMLMap | YAMLSeq)[];
}

/**
 * Walks the document once, in document order. Finds duplicate keys (the library's own check
 * compares each key with every earlier one, a square in the size of a map), takes out entries
 * whose key is a list or a map (converting the document would write each such key out as text,
 * at a cost that grows with its size at every level), and resolves every alias (the library
 * walks the whole document for each alias it resolves outside a conversion).
 */
export function scanTree(doc: Document): TreeScan {
  const scan: TreeScan = { aliases: new Map(), duplicates: [], collectionKeys: [] };
  const anchors = new Map<string, Node>();
  const stack: unknown[] = [doc.contents];
  const pushReversed = (list: readonly unknown[]) => {
    for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]);
  };
  while (stack.length > 0) {
    const v = stack.pop();
    if (isPair(v)) {
      pushReversed([v.key, v.value]);
      continue;
    }
    if (isAlias(v)) {
      scan.aliases.set(v, anchors.get(v.source));
      continue;
    }
    if (!isScalar(v) && !isMap(v) && !isSeq(v)) continue;
    if (v.anchor) anchors.set(v.anchor, v);
    if (isMap(v)) {
      const pairs = checkKeys(v.items, scan);
      if (pairs !== v.items) v.items = pairs;
      pushReversed(pairs);
    } else if (isSeq(v)) {
      pushReversed(v.items);
    }
  }
  return scan;
}

// Records duplicate keys and returns the pairs without the ones keyed by a list or a map (the
// same array when there are none).
function checkKeys(pairs: Pair[], scan: TreeScan): Pair[] {
  const seen = new Map<unknown, Scalar>();
  let kept: Pair[] | undefined;
  pairs.forEach((pair, i) => {
    const key = pair.key;
    if (isMap(key) || isSeq(key)) {
      scan.collectionKeys.push(key);
      kept ??= pairs.slice(0, i);
      return;
    }
    kept?.push(pair);
    // The library's test: scalar keys with equal (===) values.
    if (!isScalar(key) || Number.isNaN(key.value)) return;
    const first = seen.get(key.value);
    if (first) scan.duplicates.push({ key, first });
    else seen.set(key.value, key);
  });
  return kept ?? pairs;
}
