// The report's markdown, rendered by markdown-it with raw HTML off. Links are followed only when
// they are http(s) (VS Code opens them outside) or relative (the script opens the file in the
// editor); every other link is rendered as inert text. Images are never loaded (a report must not
// fetch anything): they show as their alt text. Table alignment becomes a class, not an inline
// style, which the panel's CSP would refuse.
import MarkdownIt from 'markdown-it';
import { esc } from './escape';

type Token = MarkdownIt.Token;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** What a link href becomes: an external link, a file in the workspace, an in-page anchor, or nothing. */
export type LinkTarget =
  | { kind: 'external'; href: string }
  | { kind: 'file'; file: string; line: number }
  | { kind: 'anchor'; href: string }
  | { kind: 'inert' };

/** Classifies an href (already accepted by markdown-it's validateLink and normalized). */
export function linkTarget(href: string): LinkTarget {
  if (/^https?:\/\/[^/]/i.test(href)) return { kind: 'external', href };
  if (href.startsWith('#')) return { kind: 'anchor', href };
  if (href === '' || href.startsWith('//') || href.startsWith('\\') || SCHEME.test(href)) return { kind: 'inert' };
  const hash = href.indexOf('#');
  const pathPart = hash < 0 ? href : href.slice(0, hash);
  const fragment = hash < 0 ? '' : href.slice(hash + 1);
  let file: string;
  try {
    file = decodeURIComponent(pathPart.split('?')[0] ?? '');
  } catch {
    return { kind: 'inert' }; // a malformed %-escape: not a path we can open
  }
  if (!file) return { kind: 'inert' };
  const lineMatch = /^L(\d{1,7})\b/.exec(fragment);
  return { kind: 'file', file, line: lineMatch ? Number(lineMatch[1]) : 1 };
}

// Rewrites link tokens in place: a link that may not be followed becomes a <span>.
md.core.ruler.push('marathon_links', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let open: Token | undefined;
    for (const token of block.children) {
      if (token.type === 'link_open') {
        open = token;
        rewriteLink(token);
      } else if (token.type === 'link_close' && open) {
        token.tag = open.tag;
        open = undefined;
      }
    }
  }
});

function rewriteLink(token: Token): void {
  const href = String(token.attrGet('href') ?? '');
  const target = linkTarget(href);
  const title = token.attrGet('title');
  token.attrs = [];
  if (title) token.attrSet('title', title);
  switch (target.kind) {
    case 'external':
      token.attrSet('href', target.href);
      token.attrSet('rel', 'noopener noreferrer');
      token.attrSet('class', 'md-link md-link-external');
      return;
    case 'anchor':
      token.attrSet('href', target.href);
      token.attrSet('class', 'md-link');
      return;
    case 'file':
      // No href: the webview script turns a click on data-file into an `open` message.
      token.tag = 'span';
      token.attrSet('class', 'md-link md-link-file');
      token.attrSet('role', 'link');
      token.attrSet('tabindex', '0');
      token.attrSet('data-file', target.file);
      token.attrSet('data-line', String(target.line));
      return;
    case 'inert':
      token.tag = 'span';
      token.attrSet('class', 'md-link-inert');
      token.attrSet('title', `Link not followed: ${href}`);
      return;
  }
}

md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (!token) return '';
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || 'image';
  return `<span class="md-image" title="${esc(`Image not loaded: ${String(token.attrGet('src') ?? '')}`)}">${esc(alt)}</span>`;
};

// Table cells: `style="text-align:x"` → `class="align-x"`.
const alignToClass: NonNullable<typeof md.renderer.rules.th_open> = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (!token) return '';
  const align = /^text-align:(left|center|right)$/.exec(String(token.attrGet('style') ?? ''))?.[1];
  token.attrs = align ? [['class', `align-${align}`]] : null;
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.th_open = alignToClass;
md.renderer.rules.td_open = alignToClass;

/** Renders untrusted markdown to safe HTML (no raw HTML, no scripts, no remote content, no inline styles). */
export function renderMarkdown(markdown: unknown): string {
  return md.render(typeof markdown === 'string' ? markdown : '');
}
