/** The plan "Create Marathon Plan" writes: every shape the reader understands, with comments. */
export function planTemplate(title: string, created: string): string {
  return `# ${title}

<!-- A Marathon plan. Marathon reads headings, **Label:** fields, checkboxes and backticked paths;
     everything else is yours. Edit freely: the Sessions view updates as you type. -->

> **Purpose:** What this marathon should achieve, in one sentence.
> **Created:** ${created}

## Session Overview

| Session | Focus | Est. Hours | Agents |
|---------|-------|------------|--------|
| 001 | Foundations | 3 | 2 |
| 002 | Feature work | 4 | 3 |

**Total:** 8 hours (1 hour of buffer), 4 terminals

---

## Session 001: Foundations

**Duration:** 3 hours
**Branch:** \`marathon/session-001-foundations\`
**Agents:** 2 (ARCHITECT, QA_TESTER)

### Objectives
1. Describe the first outcome
2. Describe the second outcome

### Terminal Allocation
- **Terminals 1-2:** Scaffolding and tests (tasks 1-4)

### Tasks
| # | Task | File |
|---|------|------|
| 1 | Create the module skeleton | \`src/module.ts\` |
| 2 | Write its first tests | \`test/module.test.ts\` |
| 3 | Wire the entry point | \`src/main.ts\` |
| 4 | Document the module | \`docs/module.md\` |

### Success Criteria
- [ ] The module builds and its tests pass
- [ ] The entry point uses the module

### Deliverables
- \`src/module.ts\`
- \`test/module.test.ts\`

---

## Session 002: Feature work

**Duration:** 4 hours
**Branch:** \`marathon/session-002-feature\`
**Agents:** 3 (ARCHITECT, TOOLSMITH, QA_TESTER)
**Depends on:** Session 001

### Objectives
1. Build the feature on the foundations

### Terminal Allocation
- **Terminals 1-3:** Feature slices (tasks 5-7)

### Success Criteria
- [ ] The feature works end to end

### Deliverables
- \`src/feature/\`

---

## Files to NEVER Share
\`\`\`
.env
secrets/
\`\`\`
`;
}
