// What the report webview shows, and its HTML. Pure (no vscode import): the extension renders a
// ReportView to a string and posts it; the tests render the same string in Chromium. Every string
// in a ReportView is untrusted (it comes from users' plan files) and is escaped on the way out.
import { esc, oneOf } from './escape';
import { renderMarkdown } from './markdown';
import { deliverablesSection, findingsSection, headerSection, metricsSection, scheduleSection, timelineSection } from './sections';

/** The data of one report: a rendered markdown document plus computed panels. */
export interface ReportView {
  title: string;
  kind: 'plan' | 'handoff' | 'aar' | 'document';
  /** The report's markdown (rendered with raw HTML off). */
  markdown: string;
  /** Parts that could not be computed (e.g. "git history: not a repository"); shown as a notice. */
  partial?: string[];
  metrics: { label: string; value: string; detail?: string }[];
  /**
   * One row per session, in plan order. `onClock`: the session is running or paused, so its actual
   * hours are hours so far and are not compared with its plan.
   */
  timeline: { session: string; title: string; plannedHours?: number; actualHours?: number; onClock?: boolean; note?: string }[];
  deliverables: { session: string; path: string; state: 'present' | 'stub' | 'missing' | 'outside'; lines?: number }[];
  /** `file` is workspace-relative with `/` separators (or absolute); `line`/`column` are 1-based. */
  findings: { code: string; severity: 'error' | 'warning' | 'info'; message: string; file: string; line: number; column?: number }[];
  /** A schedule on `instances` parallel instances; `instance` is 1-based, hours count from 0. */
  schedule?: {
    instances: number;
    makespanHours: number;
    assumption: string;
    items: { id: string; title: string; instance: number; start: number; end: number; critical?: boolean }[];
  };
}

export interface RenderOptions {
  /** Findings as buttons that open the file (the webview); false: plain text (the exported file). */
  interactive?: boolean;
}

const KINDS = ['plan', 'handoff', 'aar', 'document'] as const;
const KIND_LABEL: Record<(typeof KINDS)[number], string> = {
  plan: 'Plan',
  handoff: 'Handoff',
  aar: 'After-action review',
  document: 'Document',
};

/** The report's HTML body: header, metric cards, charts, deliverables, findings, then the document. */
export function renderReportBody(view: ReportView, options: RenderOptions = {}): string {
  const interactive = options.interactive ?? true;
  const kind = oneOf(view.kind, KINDS, 'document');
  const document = typeof view.markdown === 'string' && view.markdown.trim()
    ? `<section class="panel panel-document" aria-label="Document"><div class="markdown-body">${renderMarkdown(view.markdown)}</div></section>`
    : '';
  return [
    `<article class="report report-${kind}">`,
    headerSection(view, KIND_LABEL[kind], kind),
    metricsSection(view.metrics),
    timelineSection(view.timeline),
    scheduleSection(view.schedule),
    deliverablesSection(view.deliverables),
    findingsSection(view.findings, interactive),
    document,
    '</article>',
  ].join('');
}

/** A body for a message instead of a report: "Loading…", or why the report could not be built. */
export function renderMessageBody(message: string, kind: 'loading' | 'error' = 'loading'): string {
  return `<div class="message message-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${esc(message)}</div>`;
}
