import * as vscode from 'vscode';
import type { Criterion, Deliverable, Session, Task, Terminal } from '../core/model';
import { tasksForSession } from '../core/launch/tasks';
import type { RiskItem } from '../core/planning';
import { Commands } from './commands';
import { risksOfPlan } from './planning';
import type { PlanEntry, PlanStore } from './planStore';
import { stateLabel } from './treeState';

/** What the tree shows about a session's clock. */
export interface SessionView {
  state: 'not-started' | 'running' | 'paused' | 'done' | 'blocked' | 'abandoned';
  /** `1:12 / 4:00` */
  timer?: string;
  level?: 'ok' | 'warning' | 'over';
  /** The text of an unresolved blocker reported on the session. */
  blocker?: string;
}

/** Live state the tree decorates items with: clocks, terminals, files on disk. */
export interface TreeState {
  readonly onDidChange: vscode.Event<void>;
  session(entry: PlanEntry, session: Session): SessionView;
  task(entry: PlanEntry, session: Session, taskKey: string): { running: boolean; exitCode?: number } | undefined;
  deliverable(entry: PlanEntry, d: Deliverable): Promise<'exists' | 'missing' | 'pattern' | 'outside'>;
}

export type Node =
  | { kind: 'plan'; entry: PlanEntry }
  | { kind: 'session'; entry: PlanEntry; session: Session }
  | { kind: 'group'; entry: PlanEntry; session: Session; group: 'objectives' | 'tasks' | 'criteria' | 'deliverables' }
  | { kind: 'slot'; entry: PlanEntry; session: Session; slot: Terminal; tasks: Task[] }
  | { kind: 'task'; entry: PlanEntry; session: Session; task: Task; slot?: Terminal }
  | { kind: 'criterion'; entry: PlanEntry; session: Session; criterion: Criterion }
  | { kind: 'deliverable'; entry: PlanEntry; session: Session; deliverable: Deliverable; status: string }
  | { kind: 'text'; entry: PlanEntry; session: Session; text: string; line: number }
  | { kind: 'risks'; entry: PlanEntry; risks: RiskItem[]; line: number }
  | { kind: 'risk'; entry: PlanEntry; risk: RiskItem; line: number };

const STATE_ICON: Record<SessionView['state'], [string, string | undefined]> = {
  'not-started': ['circle-large-outline', undefined],
  running: ['play-circle', 'charts.green'],
  paused: ['debug-pause', 'charts.yellow'],
  done: ['pass-filled', 'charts.green'],
  blocked: ['error', 'charts.red'],
  abandoned: ['circle-slash', 'disabledForeground'],
};

/** Plans → sessions → objectives, tasks by terminal slot, success criteria, deliverables. */
export class SessionsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly _onDidChangeTreeData = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly subs: vscode.Disposable[];
  /** Each plan's risks, read once per parse (a re-read makes a new entry). */
  private readonly risks = new WeakMap<PlanEntry, RiskItem[]>();
  private readonly readingRisks = new WeakSet<PlanEntry>();

  constructor(
    private readonly store: PlanStore,
    private readonly state: TreeState,
  ) {
    this.subs = [
      this._onDidChangeTreeData,
      store.onDidChange(() => this._onDidChangeTreeData.fire(undefined)),
      state.onDidChange(() => this._onDidChangeTreeData.fire(undefined)),
    ];
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const plans = this.store.plans;
      // One plan: show its sessions at the top level.
      if (plans.length === 1) return this.getChildren({ kind: 'plan', entry: plans[0]! });
      return plans.map((entry) => ({ kind: 'plan', entry }));
    }
    const { entry } = node;
    switch (node.kind) {
      case 'plan': {
        const sessions: Node[] = entry.plan.sessions.map((session) => ({ kind: 'session', entry, session }));
        const risks = this.risksOf(entry);
        return risks?.length ? [...sessions, { kind: 'risks', entry, risks, line: risks[0]!.line }] : sessions;
      }
      case 'risks':
        return node.risks.map((risk) => ({ kind: 'risk', entry, risk, line: risk.line }));
      case 'session': {
        const s = node.session;
        const groups: Node[] = [];
        if (s.objectives.length) groups.push({ kind: 'group', entry, session: s, group: 'objectives' });
        if (s.terminals.length || s.tasks.length) groups.push({ kind: 'group', entry, session: s, group: 'tasks' });
        if (s.criteria.length) groups.push({ kind: 'group', entry, session: s, group: 'criteria' });
        if (s.deliverables.length) groups.push({ kind: 'group', entry, session: s, group: 'deliverables' });
        return groups;
      }
      case 'group':
        return this.groupChildren(node);
      case 'slot':
        return node.tasks.map((task) => ({ kind: 'task', entry, session: node.session, task, slot: node.slot }));
      default:
        return [];
    }
  }

  // The risks once read; the first ask starts reading them and refreshes the tree when there are some.
  private risksOf(entry: PlanEntry): RiskItem[] | undefined {
    const known = this.risks.get(entry);
    if (known || this.readingRisks.has(entry)) return known;
    this.readingRisks.add(entry);
    void risksOfPlan(entry).then(
      (risks) => {
        this.risks.set(entry, risks);
        if (risks.length > 0 && this.store.get(entry.uri) === entry) this._onDidChangeTreeData.fire(undefined);
      },
      // The plan cannot be read now; its risks show with the next parse.
      () => this.risks.set(entry, []),
    );
    return undefined;
  }

  private async groupChildren(node: Extract<Node, { kind: 'group' }>): Promise<Node[]> {
    const { entry, session } = node;
    switch (node.group) {
      case 'objectives':
        return session.objectives.map((o) => ({ kind: 'text', entry, session, text: o.text, line: o.line }));
      case 'criteria':
        return session.criteria.map((criterion) => ({ kind: 'criterion', entry, session, criterion }));
      case 'deliverables':
        return Promise.all(
          session.deliverables.map(async (deliverable) => ({
            kind: 'deliverable' as const, entry, session, deliverable, status: await this.state.deliverable(entry, deliverable),
          })),
        );
      case 'tasks': {
        const all = tasksForSession(entry.plan, session);
        const slots: Node[] = session.terminals.map((slot) => ({
          kind: 'slot', entry, session, slot, tasks: all.filter((t) => t.terminal === slot).map((t) => t.task),
        }));
        const loose: Node[] = all.filter((t) => !t.terminal).map((t) => ({ kind: 'task', entry, session, task: t.task }));
        return [...slots, ...loose];
      }
    }
  }

  /** The node's parent, so `TreeView.reveal` can expand the path to it. */
  getParent(node: Node): Node | undefined {
    const { entry } = node;
    switch (node.kind) {
      case 'plan':
        return undefined;
      case 'session':
        return this.store.plans.length === 1 ? undefined : { kind: 'plan', entry };
      case 'group':
        return { kind: 'session', entry, session: node.session };
      case 'slot':
        return { kind: 'group', entry, session: node.session, group: 'tasks' };
      case 'task':
        return node.slot
          ? { kind: 'slot', entry, session: node.session, slot: node.slot, tasks: [] }
          : { kind: 'group', entry, session: node.session, group: 'tasks' };
      case 'criterion':
        return { kind: 'group', entry, session: node.session, group: 'criteria' };
      case 'deliverable':
        return { kind: 'group', entry, session: node.session, group: 'deliverables' };
      case 'text':
        return { kind: 'group', entry, session: node.session, group: 'objectives' };
      case 'risks':
        return this.store.plans.length === 1 ? undefined : { kind: 'plan', entry };
      case 'risk': {
        const risks = this.risks.get(entry) ?? [node.risk];
        return { kind: 'risks', entry, risks, line: risks[0]?.line ?? node.line };
      }
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const item = this.item(node);
    item.command ??= { command: Commands.openInPlan, title: vscode.l10n.t('Open in Plan'), arguments: [node] };
    return item;
  }

  /**
   * A session's tooltip, made when the pointer rests on it rather than for every session on every
   * refresh: the first expand of a 1,000-session plan made a thousand of them.
   */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.kind === 'session' && item.tooltip === undefined) item.tooltip = sessionTooltip(node.session, this.state.session(node.entry, node.session));
    return item;
  }

  private item(node: Node): vscode.TreeItem {
    const { entry } = node;
    const idBase = `${entry.uri.toString()}#`;
    switch (node.kind) {
      case 'plan': {
        const item = new vscode.TreeItem(entry.plan.title || entry.relPath, vscode.TreeItemCollapsibleState.Expanded);
        item.id = idBase;
        item.description = entry.relPath;
        item.iconPath = new vscode.ThemeIcon('checklist');
        item.contextValue = 'plan';
        item.resourceUri = entry.uri;
        return item;
      }
      case 'session': {
        const s = node.session;
        const view = this.state.session(entry, s);
        const item = new vscode.TreeItem(`${s.id} · ${s.title}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${idBase}s:${s.id}:${s.line}`;
        item.description = view.blocker !== undefined ? vscode.l10n.t('blocked · {0}', describeSession(view, s)) : describeSession(view, s);
        const [icon, color] = view.blocker !== undefined ? STATE_ICON.blocked : STATE_ICON[view.state];
        const tint = view.level === 'over' ? 'charts.red' : view.level === 'warning' ? 'charts.orange' : color;
        item.iconPath = new vscode.ThemeIcon(icon, tint ? new vscode.ThemeColor(tint) : undefined);
        // The tooltip is made on hover (resolveTreeItem): a plan can list a thousand sessions.
        item.contextValue = `session.${view.state === 'running' ? 'running' : view.state === 'paused' ? 'paused' : view.state === 'not-started' ? 'idle' : 'stopped'}`;
        return item;
      }
      case 'group': {
        const s = node.session;
        const [label, icon, description] =
          node.group === 'objectives' ? [vscode.l10n.t('Objectives'), 'target', String(s.objectives.length)]
          : node.group === 'tasks' ? [vscode.l10n.t('Tasks'), 'terminal', s.terminals.length === 0 ? String(s.tasks.length) : s.terminals.length === 1 ? vscode.l10n.t('1 slot') : vscode.l10n.t('{0} slots', s.terminals.length)]
          : node.group === 'criteria' ? [vscode.l10n.t('Success Criteria'), 'checklist', `${s.criteria.filter((c) => c.done).length}/${s.criteria.length}`]
          : [vscode.l10n.t('Deliverables'), 'package', String(s.deliverables.length)];
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${idBase}s:${s.id}:${s.line}:${node.group}`;
        item.description = description;
        item.iconPath = new vscode.ThemeIcon(icon);
        item.contextValue = `group.${node.group}`;
        return item;
      }
      case 'slot': {
        const t = node.slot;
        const range = t.from === t.to ? vscode.l10n.t('Terminal {0}', t.from) : vscode.l10n.t('Terminals {0}-{1}', t.from, t.to);
        const state = this.state.task(entry, node.session, slotKey(t));
        const item = new vscode.TreeItem(`${range} · ${t.label}`, node.tasks.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `${idBase}s:${node.session.id}:${node.session.line}:slot:${t.line}`;
        item.description = [t.tasks ? vscode.l10n.t('tasks {0}-{1}', t.tasks.from, t.tasks.to) : '', terminalText(state)].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(state?.running ? 'terminal' : 'layout-panel');
        item.contextValue = `slot.${state?.running ? 'running' : 'idle'}`;
        return item;
      }
      case 'task': {
        const t = node.task;
        const state = this.state.task(entry, node.session, taskKey(t));
        const item = new vscode.TreeItem(`${t.id} · ${t.title}`, vscode.TreeItemCollapsibleState.None);
        item.id = `${idBase}s:${node.session.id}:${node.session.line}:task:${t.id}:${t.line}`;
        item.description = [terminalText(state), t.files.join(', ')].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon(state?.running ? 'sync~spin' : state?.exitCode !== undefined ? (state.exitCode === 0 ? 'pass' : 'error') : t.done ? 'pass-filled' : 'circle-small');
        item.contextValue = `task.${state?.running ? 'running' : 'idle'}`;
        return item;
      }
      case 'criterion': {
        const c = node.criterion;
        const item = new vscode.TreeItem(c.text, vscode.TreeItemCollapsibleState.None);
        item.id = `${idBase}c:${c.line}`;
        item.checkboxState = c.done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
        item.contextValue = 'criterion';
        return item;
      }
      case 'deliverable': {
        const d = node.deliverable;
        const item = new vscode.TreeItem(d.path ?? d.text, vscode.TreeItemCollapsibleState.None);
        item.id = `${idBase}d:${d.line}:${d.path ?? ''}`;
        item.description = deliverableText(node.status === 'pattern' && d.isPlaceholder ? 'placeholder' : node.status);
        item.iconPath = new vscode.ThemeIcon(
          node.status === 'exists' ? 'pass' : node.status === 'missing' ? 'warning' : node.status === 'outside' ? 'error' : 'symbol-file',
          node.status === 'exists' ? new vscode.ThemeColor('charts.green') : node.status === 'missing' ? new vscode.ThemeColor('charts.yellow') : undefined,
        );
        item.tooltip = d.text;
        item.contextValue = `deliverable.${node.status}`;
        return item;
      }
      case 'text': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.id = `${idBase}o:${node.line}`;
        item.iconPath = new vscode.ThemeIcon('circle-small');
        return item;
      }
      case 'risks': {
        const item = new vscode.TreeItem(vscode.l10n.t('Risks ({0})', node.risks.length), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${idBase}risks`;
        const high = node.risks.filter((r) => riskLevel(r) === 'critical').length;
        if (high > 0) item.description = vscode.l10n.t('{0} high', high);
        item.iconPath = new vscode.ThemeIcon('shield');
        item.contextValue = 'group.risks';
        return item;
      }
      case 'risk':
        return riskItem(node.risk, `${idBase}r:${node.line}`);
    }
  }

  dispose(): void {
    for (const d of this.subs) d.dispose();
  }
}

const RISK_ICON: Record<NonNullable<RiskItem['level']> | 'unknown', [string, string | undefined]> = {
  critical: ['warning', 'charts.red'],
  moderate: ['warning', 'charts.yellow'],
  low: ['shield', 'charts.green'],
  unknown: ['shield', undefined],
};

// The risk's level as the plan marks it, else as its impact and likelihood words say.
function riskLevel(r: RiskItem): keyof typeof RISK_ICON {
  if (r.level) return r.level;
  const words = `${r.impact ?? ''} ${r.likelihood ?? ''}`.toLowerCase();
  if (/\b(?:critical|high|severe|very likely)\b|🔴/.test(words)) return 'critical';
  if (/\b(?:moderate|medium|med|possible)\b|🟡/.test(words)) return 'moderate';
  if (/\b(?:low|minor|unlikely)\b|🟢/.test(words)) return 'low';
  return 'unknown';
}

function riskItem(r: RiskItem, id: string): vscode.TreeItem {
  const item = new vscode.TreeItem(r.risk, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = [r.level && riskLevelText(r.level), r.likelihood && vscode.l10n.t('likelihood {0}', r.likelihood), r.impact && vscode.l10n.t('impact {0}', r.impact)].filter(Boolean).join(' · ');
  const [icon, color] = RISK_ICON[riskLevel(r)];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${esc(r.risk)}**\n\n`);
  if (r.detail) md.appendMarkdown(`${esc(r.detail)}\n\n`);
  const facts = [
    r.level && vscode.l10n.t('Level: {0}', esc(riskLevelText(r.level))),
    r.likelihood && vscode.l10n.t('Likelihood: {0}', esc(r.likelihood)),
    r.impact && vscode.l10n.t('Impact: {0}', esc(r.impact)),
  ].filter(Boolean);
  if (facts.length) md.appendMarkdown(`${facts.join(' · ')}\n\n`);
  md.appendMarkdown(r.mitigation ? vscode.l10n.t('$(shield) Mitigation: {0}', esc(r.mitigation)) : vscode.l10n.t('_No mitigation stated in the plan._'));
  item.tooltip = md;
  item.contextValue = 'risk';
  return item;
}

/** The key a task's terminal is tracked by. */
export function taskKey(t: Task): string {
  return `task:${t.id}`;
}

/** The key a terminal slot's terminal is tracked by. */
export function slotKey(t: Terminal): string {
  return `slot:${t.from}-${t.to}`;
}

function terminalText(state: { running: boolean; exitCode?: number } | undefined): string {
  if (!state) return '';
  if (state.running) return vscode.l10n.t('running');
  return state.exitCode === undefined ? vscode.l10n.t('closed') : vscode.l10n.t('exited {0}', state.exitCode);
}

// A deliverable's status as the tree describes it (the English text is the status).
function deliverableText(status: string): string {
  switch (status) {
    case 'exists':
      return vscode.l10n.t('exists');
    case 'missing':
      return vscode.l10n.t('missing');
    case 'outside':
      return vscode.l10n.t('outside');
    case 'pattern':
      return vscode.l10n.t('pattern');
    case 'placeholder':
      return vscode.l10n.t('placeholder');
    default:
      return status;
  }
}

// A risk's level as the user reads it (the English text is the level).
function riskLevelText(level: NonNullable<RiskItem['level']>): string {
  switch (level) {
    case 'critical':
      return vscode.l10n.t('critical');
    case 'moderate':
      return vscode.l10n.t('moderate');
    case 'low':
      return vscode.l10n.t('low');
  }
}

function describeSession(view: SessionView, s: Session): string {
  const budget = s.hours?.text ?? '';
  switch (view.state) {
    case 'running':
      return view.timer ?? stateLabel('running');
    case 'paused':
      return view.timer ? vscode.l10n.t('paused {0}', view.timer) : stateLabel('paused');
    case 'not-started':
      return budget ? vscode.l10n.t('not started · {0}', budget) : vscode.l10n.t('not started');
    default:
      return view.timer ? `${stateLabel(view.state)} · ${view.timer}` : stateLabel(view.state);
  }
}

/** The session as markdown; every plan-written string is escaped. */
function sessionTooltip(s: Session, view: SessionView): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`${vscode.l10n.t('**Session {0}: {1}**', esc(s.id), esc(s.title))}\n\n`);
  md.appendMarkdown(`$(watch) ${esc(stateLabel(view.state))}${view.timer ? ` · ${esc(view.timer)}` : ''}`);
  if (s.hours) md.appendMarkdown(vscode.l10n.t(' · budget {0}', esc(s.hours.text)));
  md.appendMarkdown('\n\n');
  if (s.branch) md.appendMarkdown(`$(git-branch) \`${s.branch.replace(/`/g, '')}\`\n\n`);
  if (s.agents.length) md.appendMarkdown(`${vscode.l10n.t('Agents: {0}', esc(s.agents.map((a) => (a.count > 1 ? `${a.role} × ${a.count}` : a.role)).join(', ')))}\n\n`);
  if (s.criteria.length) md.appendMarkdown(`${vscode.l10n.t('Success criteria: {0}/{1}', s.criteria.filter((c) => c.done).length, s.criteria.length)}\n\n`);
  if (s.deliverables.length) md.appendMarkdown(`${vscode.l10n.t('Deliverables: {0}', s.deliverables.length)}\n\n`);
  if (s.dependsOn.length) md.appendMarkdown(`${vscode.l10n.t('Depends on: {0}', esc(s.dependsOn.join(', ')))}\n\n`);
  return md;
}

function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&$~]/g, '\\$&');
}
