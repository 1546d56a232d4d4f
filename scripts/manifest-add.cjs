// Dev helper (not shipped): adds contributions to package.json from a JSON spec on stdin, then
// moves their strings into package.nls.json (scripts/nls.cjs).
// { commands: [...], menus: { "<menu>": [...] }, properties: {...}, restricted: [...] }
const fs = require('fs');
const spec = JSON.parse(fs.readFileSync(0, 'utf8'));
const p = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const c = p.contributes;
for (const cmd of spec.commands ?? []) if (!c.commands.some((x) => x.command === cmd.command)) c.commands.push({ category: 'Marathon', ...cmd });
for (const [menu, items] of Object.entries(spec.menus ?? {})) {
  c.menus[menu] = c.menus[menu] ?? [];
  for (const it of items) if (!c.menus[menu].some((x) => x.command === it.command && x.when === it.when)) c.menus[menu].push(it);
}
Object.assign(c.configuration.properties, spec.properties ?? {});
for (const r of spec.restricted ?? []) if (!p.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(r)) p.capabilities.untrustedWorkspaces.restrictedConfigurations.push(r);
fs.writeFileSync('package.json', JSON.stringify(p, null, 2) + '\n');
require('./nls.cjs');
