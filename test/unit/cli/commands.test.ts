import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzePlan } from '../../../src/core/analyze';
import { PlanSchema } from '../../../src/core/model';
import { ROOT, fixture, runCli } from './helpers';

const VALID = fixture('valid.marathon.md');
const VALID_YAML = fixture('valid.marathon.yaml');
const DUPLICATE = fixture('duplicate-id.marathon.md');

describe('cli: parse', () => {
  it('prints a readable summary of a markdown plan', async () => {
    const r = await runCli(['parse', VALID]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^Lantern Marathon\n/);
    assert.match(r.stdout, /file: test\/fixtures\/cli\/valid\.marathon\.md \(markdown\)/);
    assert.match(r.stdout, /Sessions \(2\)/);
    assert.match(r.stdout, /^ {2}001 +Wick Parser +2 hours +marathon\/session-001-wick-parser +criteria 1\/2 +1 deliverable$/m);
    assert.match(r.stdout, /^ {2}002 +Glow Renderer +2 hours +marathon\/session-002-glow-renderer +criteria 0\/1 +2 deliverables$/m);
    assert.match(r.stdout, /Problems \(\d+\)/);
  });

  it('--json prints exactly the validated model, problems included', async () => {
    const r = await runCli(['parse', DUPLICATE, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const printed: unknown = JSON.parse(r.stdout);
    const abs = path.join(ROOT, DUPLICATE);
    const expected = PlanSchema.parse(analyzePlan(fs.readFileSync(abs, 'utf8'), abs, { planFile: abs, workspaceRoot: ROOT }).plan);
    assert.deepEqual(printed, JSON.parse(JSON.stringify(expected)));
    assert.equal(r.stdout, `${JSON.stringify(expected, null, 2)}\n`);
    const plan = PlanSchema.parse(printed);
    assert.equal(plan.format, 'markdown');
    assert.ok(plan.problems.some((p) => p.code === 'duplicate-session-id'));
  });

  it('reads YAML plans by their file name', async () => {
    const r = await runCli(['parse', VALID_YAML, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const plan = PlanSchema.parse(JSON.parse(r.stdout));
    assert.equal(plan.format, 'yaml');
    assert.equal(plan.title, 'Lantern in YAML');
    assert.deepEqual(plan.sessions.map((s) => s.id), ['001']);
  });

  it('lists streams with task counts and phases with their dependencies', async () => {
    const r = await runCli(['parse', fixture('streams.marathon.md')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Streams \(1\)\n {2}A +Data Import +3 tasks$/m);
    assert.match(r.stdout, /^Phases \(2\)\n {2}1 +Groundwork +1 day +no dependencies\n {2}2 +Harvest +2 days +depends on 1$/m);
  });

  it('parse exits 0 even when the plan has errors (check is the gate)', async () => {
    const r = await runCli(['parse', DUPLICATE]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /error +duplicate-session-id/);
  });
});

describe('cli: check', () => {
  it('a clean plan: summary only, exit 0', async () => {
    const r = await runCli(['check', VALID, VALID_YAML]);
    assert.equal(r.code, 0, r.stdout);
    assert.doesNotMatch(r.stdout, / error /);
    assert.match(r.stdout, /^2 files checked: /m);
  });

  it('an error: one line per problem, relative to cwd, exit 1', async () => {
    const r = await runCli(['check', VALID, DUPLICATE]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^test\/fixtures\/cli\/duplicate-id\.marathon\.md:11:1 error duplicate-session-id .+$/m);
    assert.match(r.stdout, /^2 files checked: [1-9]\d* errors?, /m);
  });

  it('a dependency cycle in a YAML plan is an error, exit 1', async () => {
    const r = await runCli(['check', fixture('cycle.marathon.yaml')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^test\/fixtures\/cli\/cycle\.marathon\.yaml:\d+:\d+ error dependency-cycle /m);
  });

  it('paths print relative to the cwd given', async () => {
    const r = await runCli(['check', 'duplicate-id.marathon.md'], path.join(ROOT, 'test/fixtures/cli'));
    assert.match(r.stdout, /^duplicate-id\.marathon\.md:11:1 error duplicate-session-id /m);
  });

  it('--format json: the documented objects, exit 1 on errors', async () => {
    const r = await runCli(['check', DUPLICATE, '--format', 'json']);
    assert.equal(r.code, 1);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const dup = rows.find((x) => x.code === 'duplicate-session-id');
    assert.ok(dup);
    assert.equal(dup.file, DUPLICATE);
    assert.equal(dup.line, 11);
    assert.equal(dup.severity, 'error');
    assert.deepEqual(Object.keys(dup), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  });

  it('--format github: annotations, exit 1 on errors', async () => {
    const r = await runCli(['check', DUPLICATE, '--format=github']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error file=test\/fixtures\/cli\/duplicate-id\.marathon\.md,line=11,col=\d+,endLine=11,endColumn=\d+,title=marathon\/duplicate-session-id::.+$/m);
    for (const line of r.stdout.trimEnd().split('\n')) assert.match(line, /^::(error|warning|notice) /);
  });

  it('--root sets the workspace for the outside-workspace check', async () => {
    const climb = fixture('climb.marathon.md');
    // From test/fixtures/cli, ../../shared is test/shared: inside the repository (the default root).
    assert.equal((await runCli(['check', climb])).code, 0);
    const r = await runCli(['check', climb, '--root', 'test/fixtures/cli']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^test\/fixtures\/cli\/climb\.marathon\.md:9:\d+ error deliverable-outside-workspace /m);
  });

  it('--root must be a directory', async () => {
    const r = await runCli(['check', VALID, '--root', 'no/such/dir']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^marathon: check: --root 'no\/such\/dir' is not a directory\n/);
  });

  it('the demo plans parse and check without errors', async () => {
    const r = await runCli(['check', 'demo/DEMO.marathon.md', 'demo/tide.marathon.yaml']);
    assert.equal(r.code, 0, r.stdout);
    const md = await runCli(['parse', 'demo/DEMO.marathon.md', '--json']);
    const plan = PlanSchema.parse(JSON.parse(md.stdout));
    assert.deepEqual(plan.sessions.map((s) => s.id), ['001', '002', '003']);
    const yaml = PlanSchema.parse(JSON.parse((await runCli(['parse', 'demo/tide.marathon.yaml', '--json'])).stdout));
    assert.deepEqual(yaml.sessions.map((s) => s.id), ['001', '002', '003']);
  });
});
