// The plan store in a real extension host: reads of one plan that overlap keep the newest text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { PlanStore } from '../../../src/vscode/planStore';

/** Workspace state kept in memory, for a store of the test's own. */
class MemoryState implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

const plan = (title: string): string => `# ${title}\n\n## Session 001: Start\n\n**Duration:** 2 hours\n`;

/**
 * The files of a folder on disk under a scheme of their own, whose next read can be held up after
 * it took the file's text (`holdNextRead`), as a read on a busy machine or a remote disk may be.
 * The promise holdNextRead returns settles once that read has the text.
 */
class SlowReads implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private holdMs = 0;
  private taken: (() => void) | undefined;

  holdNextRead(ms: number): Promise<void> {
    this.holdMs = ms;
    return new Promise((resolve) => (this.taken = resolve));
  }
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const st = fs.statSync(uri.path);
    return { type: st.isFile() ? vscode.FileType.File : vscode.FileType.Directory, ctime: st.ctimeMs, mtime: st.mtimeMs, size: st.size };
  }
  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const bytes = fs.readFileSync(uri.path);
    const hold = this.holdMs;
    this.holdMs = 0;
    if (hold > 0) {
      this.taken?.();
      await new Promise((resolve) => setTimeout(resolve, hold));
    }
    return bytes;
  }
  readDirectory(): [string, vscode.FileType][] {
    throw vscode.FileSystemError.NoPermissions('not used by the test');
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('not used by the test');
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions('not used by the test');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('not used by the test');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('not used by the test');
  }
}

describe('plan store', () => {
  it('keeps the newest text of a plan when an older read of it finishes last', async () => {
    // A plan added with Add Plan File, on a file system whose first re-read is held up after it
    // took the file's text; meanwhile the file changes and a second re-read finishes. The first
    // then finishes too, and used to put back the old text until the next change.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marathon-planstore-'));
    const file = path.join(dir, 'overlap.marathon.md');
    fs.writeFileSync(file, plan('Old Title'));
    const slow = new SlowReads();
    const registration = vscode.workspace.registerFileSystemProvider('marathon-slow-reads', slow, { isCaseSensitive: true });
    const uri = vscode.Uri.from({ scheme: 'marathon-slow-reads', path: file });
    const channel = vscode.window.createOutputChannel('Marathon plan store test', { log: true });
    const store = new PlanStore(channel, new MemoryState());
    try {
      await store.add(uri);
      assert.equal(store.get(uri)?.plan.title, 'Old Title');
      const taken = slow.holdNextRead(300);
      const older = store.reread(uri);
      await taken; // the older read has the old text
      fs.writeFileSync(file, plan('New Title'));
      await store.reread(uri);
      assert.equal(store.get(uri)?.plan.title, 'New Title');
      await older;
      assert.equal(store.get(uri)?.plan.title, 'New Title', 'the older read, finishing last, kept nothing');
    } finally {
      store.dispose();
      channel.dispose();
      registration.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
