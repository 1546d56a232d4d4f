// Reports are written to be shared: a never-share path never appears in one.
import * as assert from 'node:assert/strict';
import { readPlan } from '../../../src/core/plan';
import { aarMarkdown, aarModel, blockerMarkdown, handoffMarkdown, issueText } from '../../../src/core/reports';

const PLAN = [
  '# Vault Marathon',
  '',
  '## Files to Never Share',
  '- `secrets/`',
  '- `.env`',
  '',
  '## Session V1: Keys',
  '',
  '**Duration:** 1 hour',
  '',
  '### Deliverables',
  '- `secrets/keys.txt`',
  '- `src/vault.ts`',
  '',
].join('\n');

describe('reports: never-share paths', () => {
  const { plan } = readPlan(PLAN, 'vault.marathon.md');
  it('reads the never-share list (the fixture means what it says)', () => {
    assert.deepEqual(plan.neverShare.map((r) => r.path), ['secrets/', '.env']);
  });

  const now = Date.parse('2026-11-21T10:00:00Z');
  const deliverables = [
    { session: 'V1', path: 'secrets/keys.txt', text: 'secrets/keys.txt', state: 'present' as const, lines: 3 },
    { session: 'V1', path: 'src/vault.ts', text: 'src/vault.ts', state: 'missing' as const },
  ];
  const events = [
    { time: '2026-11-21T09:00:00Z', event: 'session.start' as const, plan: 'vault.marathon.md', session: 'V1' },
    { time: '2026-11-21T09:10:00Z', event: 'blocker.report' as const, plan: 'vault.marathon.md', session: 'V1', text: 'cannot read secrets/keys.txt or .env on CI' },
  ];

  it('leaves them out of the handoff, the blocker note, the issue text and the AAR', () => {
    const texts = [
      handoffMarkdown({ plan, planFile: 'vault.marathon.md', sessionId: 'V1', events, now, deliverables }),
      blockerMarkdown({ plan, planFile: 'vault.marathon.md', sessionId: 'V1', events, now }),
      issueText({ plan, planFile: 'vault.marathon.md', sessionId: 'V1', events, now }).body,
      aarMarkdown(aarModel({ plan, planFile: 'vault.marathon.md', events, now, deliverables })),
    ];
    for (const t of texts) {
      assert.doesNotMatch(t, /secrets\/keys\.txt/);
      assert.doesNotMatch(t, /(^|[\s`])\.env\b/);
      assert.match(t, /\[omitted\]/);
    }
    assert.match(texts[0]!, /src\/vault\.ts/, 'other paths stay');
  });
});
