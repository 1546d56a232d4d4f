// Entry point of the readers: picks markdown or YAML by file name and never throws.
export { readPlan, isYamlPlanName } from './read';
