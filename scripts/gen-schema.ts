// Generates schemas/plan.schema.json from the YAML authoring schema (src/core/plan/yamlSchema.ts).
// Run by `npm run build`; the output is committed so editors can use it without a build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { PlanAuthoringSchema } from '../src/core/plan/yamlSchema';

// Where the schema is written, relative to the repository root.
const SCHEMA_PATH = join('schemas', 'plan.schema.json');

// The JSON Schema for `*.marathon.yaml` files (draft-07, which YAML editors support best).
function planJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(PlanAuthoringSchema, { io: 'input', target: 'draft-07' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: 'https://marathon.dev/schemas/plan.schema.json',
    title: 'Marathon plan',
    ...rest,
    description:
      'A Marathon plan (*.marathon.yaml): sessions with hours, agents, criteria and deliverables. ' +
      'Unknown keys are allowed here; the Marathon reader reports them as warnings.',
  };
}

// An optional argument writes elsewhere (the unit test checks the committed file is current).
const out = process.argv[2] ?? join(__dirname, '..', SCHEMA_PATH);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
