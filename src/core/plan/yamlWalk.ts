import { z } from 'zod';

/**
 * Generic walks over the authoring schema beside a parsed YAML value: unknown keys, salvaging
 * the valid parts of an invalid document, and plain-words descriptions for problem messages.
 */

/** A path into a parsed document: map keys and list indexes. */
export type Path = readonly (string | number)[];

/**
 * `T` as salvaged: list items that failed validation are `undefined` (so indexes still match
 * the YAML nodes) and optional keys that failed are absent.
 */
export type Loose<T> = T extends (infer E)[]
  ? (Loose<E> | undefined)[]
  : T extends Record<string, unknown>
    ? { [K in keyof T]: Loose<T[K]> }
    : T;

/** A key the schema does not declare, in the map at `path`. */
export interface UnknownKey {
  path: Path;
  key: string;
  known: string[];
}

/** True for a `{…}` value (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The schema inside optional / nullable / default wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}

function options(s: z.ZodUnion): z.ZodType[] {
  return (s.options as readonly z.ZodType[]).map(unwrap);
}

// The option of a union that has the value's shape: a list for an array, a map for an object.
function optionFor(s: z.ZodUnion, value: unknown): z.ZodType | undefined {
  const opts = options(s);
  const fits = opts.find((o) => o.safeParse(value).success);
  if (fits) return fits;
  if (Array.isArray(value)) return opts.find((o) => o instanceof z.ZodArray);
  if (isPlainObject(value)) return opts.find((o) => o instanceof z.ZodObject) ?? opts.find((o) => o instanceof z.ZodRecord);
  return undefined;
}

/**
 * Lists every map key in `value` that the schema does not declare. For a union, follows the
 * option that accepts the value, else the option of the same shape.
 */
export function unknownKeys(schema: z.ZodType, value: unknown, path: Path = []): UnknownKey[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodUnion) {
    const o = optionFor(s, value);
    return o ? unknownKeys(o, value, path) : [];
  }
  if (s instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownKeys(s.element as z.ZodType, item, [...path, i]));
  }
  if (s instanceof z.ZodObject && isPlainObject(value)) {
    const shape = s.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    return Object.entries(value).flatMap(([key, v]) => {
      const child = Object.hasOwn(shape, key) ? shape[key] : undefined;
      return child ? unknownKeys(child, v, [...path, key]) : [{ path, key, known }];
    });
  }
  return [];
}

type Salvaged = { ok: true; value: unknown } | { ok: false };

/**
 * Keeps what is valid: a map keeps its valid keys (and fails only when a required key is
 * invalid), a list keeps its valid items and puts `undefined` where an item failed.
 */
export function salvage(schema: z.ZodType, value: unknown): Salvaged {
  const whole = schema.safeParse(value);
  if (whole.success) return { ok: true, value: whole.data };
  const s = unwrap(schema);
  if (s instanceof z.ZodUnion) {
    const o = optionFor(s, value);
    return o ? salvage(o, value) : { ok: false };
  }
  if (s instanceof z.ZodArray && Array.isArray(value)) {
    const items = value.map((item) => {
      const r = salvage(s.element as z.ZodType, item);
      return r.ok ? r.value : undefined;
    });
    return { ok: true, value: items };
  }
  if (s instanceof z.ZodObject && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      const r = salvage(child, Object.hasOwn(value, key) ? value[key] : undefined);
      if (r.ok && r.value !== undefined) out[key] = r.value;
      else if (!r.ok && !child.safeParse(undefined).success) return { ok: false };
    }
    return { ok: true, value: out };
  }
  if (s instanceof z.ZodRecord && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if ((s.keyType as z.ZodType).safeParse(key).success && (s.valueType as z.ZodType).safeParse(v).success) out[key] = v;
    }
    return { ok: true, value: out };
  }
  return { ok: false };
}

/** The schema for the value at `path`, choosing union options by the kind of each step. */
export function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const seg of path) {
    s = s && step(unwrap(s), seg);
    if (!s) return undefined;
  }
  return s;
}

function step(s: z.ZodType, seg: string | number): z.ZodType | undefined {
  if (s instanceof z.ZodUnion) {
    for (const o of options(s)) {
      const next = step(o, seg);
      if (next) return next;
    }
    return undefined;
  }
  if (typeof seg === 'number') return s instanceof z.ZodArray ? (s.element as z.ZodType) : undefined;
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    return Object.hasOwn(shape, seg) ? shape[seg] : undefined;
  }
  if (s instanceof z.ZodRecord) return s.valueType as z.ZodType;
  return undefined;
}

/** What a schema accepts, in plain words: `text or a number`, `a list`, `one of: done, partial`. */
export function describeSchema(schema: z.ZodType): string {
  const s = unwrap(schema);
  if (s instanceof z.ZodUnion) return [...new Set(options(s).map(describeSchema))].join(' or ');
  if (s instanceof z.ZodString) return 'text';
  if (s instanceof z.ZodNumber) return s.isInt ? 'a whole number' : 'a number';
  if (s instanceof z.ZodBoolean) return 'true or false';
  if (s instanceof z.ZodArray) return 'a list';
  if (s instanceof z.ZodEnum) return `one of: ${(s.options as readonly string[]).join(', ')}`;
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    const required = Object.keys(shape).filter((k) => !shape[k]?.safeParse(undefined).success);
    return required.length ? `a map with ${required.join(', ')}` : 'a map';
  }
  if (s instanceof z.ZodRecord) return 'a map';
  return 'a value';
}

/** What a parsed value is, in plain words: `a list`, `the number 5`, `nothing`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Uint8Array) return 'binary data';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return String(v);
  return typeof v;
}

/** The value at `path` inside a parsed document, or `undefined`. */
export function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isPlainObject(v) && Object.hasOwn(v, String(seg))) v = v[String(seg)];
    else return undefined;
  }
  return v;
}

/** `sessions[1].criteria[0]`, or `the plan` for the root. */
export function pathText(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : /^[\w$]+$/.test(seg) ? `.${seg}` : `["${seg}"]`;
  }
  return out === '' ? 'the plan' : out;
}
