// Planning surfaces: "Start Next Session" (the ready session with the least slack), checkpoint
// reminders timed from the marathon's start, and the Plan report's data. The math is in core/planning.
import * as vscode from 'vscode';
import { onClock } from '../core/clock';
import type { RunEvent, Session } from '../core/model';
import {
  buildPlanGraph, criticalPath, dueReminders, itemStates, nextItems, planReminders, planRisks,
  type DueReminder, type ItemState, type PlanGraph, type Reminder, type RiskItem,
} from '../core/planning';
import { Commands } from './commands';
import type { PlanEntry, PlanStore } from './planStore';
import { planView } from './report/planView';
import type { ReportView } from './report/view';
import { systemClock, type Clock, type RunLogStore } from './runLog';

// A risk table has a header row naming a risk (core/planning/risks.ts reads only those).
const RISK_TABLE = /^[ \t]*\|[^\n]*\b(?:risks?|threats?|issues?)\b/im;

/** The plan's risks; reads the text only when the plan lists risks or the text may hold a risk table. */
export async function risksOfPlan(entry: PlanEntry): Promise<RiskItem[]> {
  if (entry.plan.format === 'yaml') return planRisks(entry.plan);
  const text = entry.text;
  if (entry.plan.risks.length === 0 && !RISK_TABLE.test(text)) return [];
  return planRisks(entry.plan, text);
}

/** A session ready to start, with its rank. */
export interface ReadySession {
  entry: PlanEntry;
  session: Session;
  critical: boolean;
  slack: number;
  hours: number;
}

/** What a plan's sessions wait on, for the "nothing is ready" message. */
interface PlanReadiness {
  ready: ReadySession[];
  sessions: number;
  done: number;
  /** Labels of unfinished items that not-started sessions wait on, with their state. */
  waitingOn: Map<string, ItemState>;
}

function readiness(entry: PlanEntry, text: string | undefined, events: readonly RunEvent[], now: number): PlanReadiness {
  const graph = buildPlanGraph(entry.plan, text !== undefined ? { text } : {});
  const cp = criticalPath(graph);
  const states = itemStates(graph, { events, planFile: entry.relPath, now });
  const out: PlanReadiness = { ready: [], sessions: 0, done: 0, waitingOn: new Map() };
  const readyItems = new Set<number>();
  for (const next of nextItems(graph, cp, states)) {
    const item = graph.items[next.item]!;
    const session = item.kind === 'session' ? sessionOf(entry, graph, next.item) : undefined;
    if (!session) continue;
    readyItems.add(next.item);
    out.ready.push({ entry, session, critical: next.critical, slack: next.slack, hours: item.statedHours ?? item.hours });
  }
  graph.items.forEach((item, i) => {
    if (item.kind !== 'session') return;
    out.sessions++;
    if (states[i] === 'done') out.done++;
    if (states[i] !== 'not-started' || readyItems.has(i)) return;
    for (let k = graph.predStart[i]!; k < graph.predStart[i + 1]!; k++) {
      const p = graph.preds[k]!;
      if (graph.items[p]?.parent !== i && states[p] !== 'done') out.waitingOn.set(graph.items[p]!.label, states[p]!);
    }
  });
  return out;
}

function sessionOf(entry: PlanEntry, graph: PlanGraph, i: number): Session | undefined {
  const item = graph.items[i]!;
  const sessions = entry.plan.sessions;
  return sessions.find((s) => s.id === item.id && s.line === item.line) ?? sessions.find((s) => s.id.toLowerCase() === item.id.toLowerCase());
}

function formatH(h: number): string {
  return vscode.l10n.t('{0} h', parseFloat(h.toFixed(2)));
}

/** Chooses among several ready sessions; undefined cancels. */
export type ChooseSession = (ready: readonly ReadySession[]) => Thenable<ReadySession | undefined>;

const quickPickChoose: ChooseSession = async (ready) => {
  const manyPlans = new Set(ready.map((r) => r.entry.uri.toString())).size > 1;
  const picked = await vscode.window.showQuickPick(
    ready.map((r) => ({
      label: `${r.critical ? '$(flame)' : '$(circle-large-outline)'} ${r.session.id} · ${r.session.title}`,
      description: `${r.critical ? vscode.l10n.t('critical') : vscode.l10n.t('slack {0}', formatH(r.slack))} · ${formatH(r.hours)}${manyPlans ? ` · ${r.entry.relPath}` : ''}`,
      ready: r,
    })),
    { title: vscode.l10n.t('Marathon: start next session'), placeHolder: vscode.l10n.t('Ready to start, critical path first'), matchOnDescription: true },
  );
  return picked?.ready;
};

/** "Start Next Session": the ready session with the least slack, over one plan or all of them. */
export class PlanningCommands {
  /** Replaceable in tests; the default is a QuickPick. */
  choose: ChooseSession = quickPickChoose;

  constructor(
    private readonly plans: PlanStore,
    private readonly runLog: RunLogStore,
  ) {}

  /** The sessions ready to start in the plans (all of them, or the one `arg` names), critical first. */
  async ready(arg?: unknown): Promise<{ ready: ReadySession[]; why: string }> {
    const entries = this.entriesOf(arg);
    const all: ReadySession[] = [];
    let sessions = 0;
    let done = 0;
    const waiting = new Map<string, ItemState>();
    const order = new Map(entries.map((e, k) => [e, k]));
    for (const entry of entries) {
      if (!entry.folder) continue;
      const r = readiness(entry, entry.text, this.runLog.events(entry.folder), this.runLog.clock.now());
      all.push(...r.ready);
      sessions += r.sessions;
      done += r.done;
      for (const [label, state] of r.waitingOn) waiting.set(label, state);
    }
    all.sort((a, b) => a.slack - b.slack || order.get(a.entry)! - order.get(b.entry)! || a.session.line - b.session.line);
    return { ready: all, why: whyNothing(sessions, done, waiting) };
  }

  /** Starts the next ready session (asking which when several are); says why when none is. */
  async startNext(arg?: unknown): Promise<void> {
    const { ready, why } = await this.ready(arg);
    if (ready.length === 0) {
      void vscode.window.showInformationMessage(why);
      return;
    }
    const chosen = ready.length === 1 ? ready[0] : await this.choose(ready);
    if (!chosen) return;
    await vscode.commands.executeCommand(Commands.startSession, { entry: chosen.entry, session: chosen.session });
  }

  // A tree node or session ref ({ entry }), a plan entry itself, or nothing (every plan).
  private entriesOf(arg: unknown): PlanEntry[] {
    const given = arg as { entry?: PlanEntry; plan?: unknown; uri?: vscode.Uri } | undefined;
    const entry = given?.entry ?? (given?.plan && given.uri ? (given as PlanEntry) : undefined);
    if (!entry) return this.plans.plans;
    return [this.plans.get(entry.uri) ?? entry];
  }
}

function whyNothing(sessions: number, done: number, waiting: Map<string, ItemState>): string {
  if (sessions === 0) return vscode.l10n.t('Marathon: no plan has sessions to start.');
  if (done === sessions) {
    return sessions === 1
      ? vscode.l10n.t('Marathon: nothing to start — the only session is done.')
      : vscode.l10n.t('Marathon: nothing to start — all {0} sessions are done.', sessions);
  }
  if (waiting.size === 0) return vscode.l10n.t('Marathon: nothing to start — every session that is not done is already under way.');
  const names = [...waiting]
    .slice(0, 4)
    .map(([label, state]) => (state === 'started' ? vscode.l10n.t('{0} (under way)', label) : vscode.l10n.t('{0} (not started)', label)))
    .join(', ');
  return waiting.size > 4
    ? vscode.l10n.t('Marathon: nothing to start — the remaining sessions wait on {0} and {1} more.', names, waiting.size - 4)
    : vscode.l10n.t('Marathon: nothing to start — the remaining sessions wait on {0}.', names);
}

/** Asks a reminder's question; resolves to the chosen option, or undefined when dismissed. */
export type Ask = (title: string, options: readonly string[]) => Thenable<string | undefined>;

const showAsk: Ask = (title, options) => vscode.window.showInformationMessage(title, ...options);

export interface RemindersOptions {
  clock?: Clock;
  ask?: Ask;
  /** How often to look for due reminders (default 30 s). */
  intervalMs?: number;
}

/**
 * Checkpoint reminders: every 30 s and on each run-log change, the reminders of each plan that
 * have fallen due since its first session started are asked once per window session; the answer
 * becomes a `checkpoint.decision` event. A dismissed reminder is asked again only after a reload.
 */
export class Reminders implements vscode.Disposable {
  clock: Clock;
  ask: Ask;
  /** Ids of the reminders asked in this session of VS Code, in order. */
  readonly shown: string[] = [];
  private readonly asked = new Set<string>();
  private readonly cache = new WeakMap<PlanEntry, Reminder[]>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly plans: PlanStore,
    private readonly runLog: RunLogStore,
    private readonly log: vscode.LogOutputChannel,
    options: RemindersOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.ask = options.ask ?? showAsk;
    const timer = setInterval(() => void this.scan(), options.intervalMs ?? 30_000);
    this.subs.push({ dispose: () => clearInterval(timer) }, runLog.onDidChange(() => void this.scan()));
  }

  /** Asks every newly due reminder; settles when the answers to the reminders due now are in the run log. */
  async check(): Promise<void> {
    await Promise.all(await this.scan());
  }

  // Starts asking each newly due reminder and returns the open questions of those due now, without
  // waiting for them (a notification may stay open for hours).
  private async scan(): Promise<Promise<void>[]> {
    const open: Promise<void>[] = [];
    try {
      const now = this.clock.now();
      for (const entry of this.plans.plans) {
        const folder = entry.folder;
        if (!folder) continue;
        const events = this.runLog.events(folder);
        // dueAt counts from the plan's first session.start: no start, nothing is due.
        if (!events.some((e) => e.event === 'session.start' && e.plan === entry.relPath)) continue;
        const reminders = await this.remindersOf(entry);
        for (const r of dueReminders(reminders, events, now, entry.relPath)) {
          const key = `${entry.uri.toString()}#${r.id}`;
          const asking = this.inFlight.get(key);
          if (asking) open.push(asking);
          if (this.asked.has(key)) continue;
          this.asked.add(key);
          this.shown.push(r.id);
          const pending = this.decide(entry, folder, r).finally(() => this.inFlight.delete(key));
          this.inFlight.set(key, pending);
          open.push(pending);
        }
      }
    } catch (error) {
      this.log.error(`Checkpoint reminders: ${error instanceof Error ? error.message : String(error)}`);
    }
    return open;
  }

  private async remindersOf(entry: PlanEntry): Promise<Reminder[]> {
    const known = this.cache.get(entry);
    if (known) return known;
    const text = entry.text;
    const graph = buildPlanGraph(entry.plan, { text });
    const { reminders } = planReminders(entry.plan, { text, graph, cp: criticalPath(graph) });
    this.cache.set(entry, reminders);
    return reminders;
  }

  private async decide(entry: PlanEntry, folder: vscode.WorkspaceFolder, r: DueReminder): Promise<void> {
    try {
      // The plan's own question, else its options: `Continue or Pivot?`.
      const question = r.question ?? vscode.l10n.t('{0}?', r.options.join(vscode.l10n.t(' or ')));
      const decision = await this.ask(`${r.title} (${entry.relPath}): ${question}`, r.options);
      if (decision === undefined) return;
      await this.runLog.append(folder, { event: 'checkpoint.decision', plan: entry.relPath, session: this.sessionOnClock(entry), checkpoint: r.id, decision });
      this.log.info(`Checkpoint ${r.id} of ${entry.relPath}: ${decision}.`);
    } catch (error) {
      this.log.error(`Checkpoint ${r.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // The running session of the plan (else a paused one); '' when none is on the clock.
  private sessionOnClock(entry: PlanEntry): string {
    const states = entry.plan.sessions.map((s) => [s.id, this.runLog.run(entry.folder, entry.relPath, s.id)?.state] as const);
    return (states.find(([, st]) => st === 'running') ?? states.find(([, st]) => st === 'paused'))?.[0] ?? '';
  }

  dispose(): void {
    for (const d of this.subs) d.dispose();
  }
}

/** The Plan report of a plan on `instances` instances (actual hours from the run log when given). */
export function planReportView(entry: PlanEntry, instances: number, options: { text?: string; runLog?: RunLogStore } = {}): ReportView {
  const text = options.text ?? entry.text;
  const actual = new Map<string, number>();
  const live = new Set<string>();
  if (options.runLog && entry.folder) {
    for (const s of entry.plan.sessions) {
      const run = options.runLog.run(entry.folder, entry.relPath, s.id);
      if (run && run.state !== 'not-started') actual.set(s.id, run.elapsedMs / 3_600_000);
      if (onClock(run?.state)) live.add(s.id);
    }
  }
  return planView({ plan: entry.plan, relPath: entry.relPath, ...(text !== undefined ? { text } : {}), instances, actualHours: actual, onClock: live });
}

/** planReportView as ReportPanel's getView asks for it (the text as the plan store last read it). */
export async function loadPlanReportView(entry: PlanEntry, instances: number, runLog?: RunLogStore): Promise<ReportView> {
  return planReportView(entry, instances, runLog ? { runLog } : {});
}

/** Instances the Plan panel schedules on when none are given: the plan's stated terminal count, else 4. */
export const DEFAULT_PLAN_INSTANCES = 4;
