// A strict reader of the report's HTML for the unit tests: every `<` must open or close a tag from a
// short list, with double-quoted attributes from a short list. Text from the data can only appear
// escaped, so anything else means an injection got through.
export const TAGS = new Set([
  'article', 'header', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'span', 'strong', 'em', 'code',
  'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'button', 'svg', 'title', 'desc', 'g', 'rect', 'line', 'text',
  'circle', 'path', 'figure', 'details', 'summary', 'blockquote', 'hr', 'br', 'a', 's',
]);
export const ATTRIBUTES = new Set([
  'class', 'id', 'role', 'aria-label', 'aria-labelledby', 'aria-hidden', 'title', 'href', 'rel', 'tabindex', 'type', 'scope',
  'data-file', 'data-line', 'data-column', 'viewBox', 'preserveAspectRatio', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width',
  'height', 'rx', 'r', 'cx', 'cy', 'd', 'text-anchor', 'dominant-baseline', 'focusable', 'start',
]);
const NUMERIC = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'rx', 'r', 'cx', 'cy', 'data-line', 'data-column', 'tabindex', 'start']);

export interface Tag {
  name: string;
  closing: boolean;
  attrs: [string, string][];
}

/** Reads every tag of `html`; throws on a `<` that is not a well-formed, allowed tag. */
export function readTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*="[^"<>]*")*)\s*\/?>/y;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    tagRe.lastIndex = i;
    const m = tagRe.exec(html);
    if (!m) throw new Error(`not a tag at ${i}: ${html.slice(i, i + 80)}`);
    const [, slash, name = '', attrText = ''] = m;
    if (!TAGS.has(name)) throw new Error(`tag <${name}> is not allowed`);
    const attrs = [...attrText.matchAll(/([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/g)].map((a) => [a[1] ?? '', a[2] ?? ''] as [string, string]);
    for (const [attr, value] of attrs) {
      if (!ATTRIBUTES.has(attr) && !attr.startsWith('aria-')) throw new Error(`attribute ${attr} on <${name}> is not allowed`);
      if (attr === 'href' && !/^(https?:\/\/|#)/i.test(value)) throw new Error(`href ${value} is followable`);
      if (NUMERIC.has(attr) && !/^-?\d+(\.\d+)?$/.test(value)) throw new Error(`${attr}="${value}" on <${name}> is not a number`);
    }
    tags.push({ name, closing: slash === '/', attrs });
  }
  return tags;
}

/** Decodes the five entities esc() writes (and markdown-it's), to compare text with the input. */
export function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
}
