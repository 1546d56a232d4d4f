// Dev helper (not shipped): moves package.json's user-facing strings into package.nls.json as
// %keys%, so VS Code can show them translated. Idempotent: strings already %keyed% are kept.
const fs = require('fs');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const nls = fs.existsSync('package.nls.json') ? JSON.parse(fs.readFileSync('package.nls.json', 'utf8')) : {};
const key = (k, v) => {
  if (typeof v !== 'string' || /^%.*%$/.test(v)) return v;
  nls[k] = v;
  return `%${k}%`;
};
const c = pkg.contributes;
pkg.displayName = key('displayName', pkg.displayName);
pkg.description = key('description', pkg.description);
for (const cmd of c.commands) cmd.title = key(`${cmd.command}.title`, cmd.title);
for (const vc of c.viewsContainers.activitybar ?? []) vc.title = key(`viewsContainers.${vc.id}.title`, vc.title);
for (const views of Object.values(c.views)) for (const v of views) v.name = key(`views.${v.id}.name`, v.name);
for (const [i, w] of (c.viewsWelcome ?? []).entries()) w.contents = key(`viewsWelcome.${w.view}.${i}`, w.contents);
for (const [name, p] of Object.entries(c.configuration.properties)) {
  if (p.description) p.description = key(`config.${name}.description`, p.description);
  if (p.markdownDescription) p.markdownDescription = key(`config.${name}.markdownDescription`, p.markdownDescription);
}
c.configuration.title = key('config.title', c.configuration.title);
for (const w of c.walkthroughs ?? []) {
  w.title = key(`walkthrough.${w.id}.title`, w.title);
  w.description = key(`walkthrough.${w.id}.description`, w.description);
  for (const s of w.steps) {
    s.title = key(`walkthrough.${w.id}.${s.id}.title`, s.title);
    s.description = key(`walkthrough.${w.id}.${s.id}.description`, s.description);
    if (s.media?.altText) s.media.altText = key(`walkthrough.${w.id}.${s.id}.altText`, s.media.altText);
  }
}
pkg.capabilities.untrustedWorkspaces.description = key('capabilities.untrustedWorkspaces.description', pkg.capabilities.untrustedWorkspaces.description);
pkg.capabilities.virtualWorkspaces.description = key('capabilities.virtualWorkspaces.description', pkg.capabilities.virtualWorkspaces.description);
fs.writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
fs.writeFileSync('package.nls.json', JSON.stringify(nls, null, 2) + '\n');
console.log(`${Object.keys(nls).length} strings in package.nls.json`);
