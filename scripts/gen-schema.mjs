// PLACEHOLDER: generates schemas/plan.schema.json (written in this session).
