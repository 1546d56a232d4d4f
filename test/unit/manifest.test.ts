// package.json and the code agree: every contributed command, view and setting is implemented,
// and everything the code registers is contributed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GIT_CHECK_CODES } from '../../src/core/checks/git';
import { Commands } from '../../src/vscode/commands';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string }[]>;
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { description?: string; markdownDescription?: string; scope?: string; default?: unknown }> };
  };
};
const source = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const srcFiles = (dir: string): string[] =>
  fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? srcFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('manifest', function () {
  const contributed = pkg.contributes.commands.map((c) => c.command).sort();

  it('contributes exactly the commands of the Commands object, each in category Marathon', function () {
    assert.deepEqual(contributed, Object.values(Commands).sort());
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'Marathon', c.command);
  });

  it('registers every command in extension.ts', function () {
    const ext = source('src/extension.ts');
    for (const [key, id] of Object.entries(Commands)) assert.ok(ext.includes(`Commands.${key},`), `${id} is not registered`);
  });

  it('menus only name contributed commands', function () {
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
      for (const item of items) assert.ok(contributed.includes(item.command), `${menu}: ${item.command}`);
    }
  });

  it('every view is created in the code', function () {
    const code = srcFiles('src').map((f) => source(f)).join('\n');
    for (const views of Object.values(pkg.contributes.views)) for (const v of views) assert.ok(code.includes(`'${v.id}'`), v.id);
  });

  it('every setting has a description, scope and default, and is read by config.ts', function () {
    const config = source('src/vscode/config.ts');
    for (const [key, s] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.ok(s.description ?? s.markdownDescription, `${key}: description`);
      assert.ok(s.scope, `${key}: scope`);
      assert.ok('default' in s, `${key}: default`);
      assert.ok(config.includes(`'${key.replace(/^marathon\./, '')}'`), `${key} is not read in config.ts`);
    }
  });

  it('takes every %key% from package.nls.json, and package.nls.json has no unused key', function () {
    const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const used = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    for (const k of used) assert.ok(typeof nls[k!] === 'string' && nls[k!] !== '', `package.nls.json lacks ${k}`);
    for (const k of Object.keys(nls)) assert.ok(used.has(k), `package.nls.json: ${k} is not used`);
    for (const c of pkg.contributes.commands) assert.match(c.title, /^%.+%$/, `${c.command}: title is not localized`);
  });

  it('points yamlValidation and jsonValidation at the generated plan schema, and the grammar at its file', function () {
    const p = pkg as unknown as { contributes: { yamlValidation: { url: string }[]; jsonValidation: { url: string }[]; grammars: { path: string; injectTo: string[] }[] } };
    for (const v of [...p.contributes.yamlValidation, ...p.contributes.jsonValidation]) assert.ok(fs.existsSync(path.join(root, v.url)), v.url);
    for (const g of p.contributes.grammars) assert.ok(fs.existsSync(path.join(root, g.path)), g.path);
    assert.deepEqual(p.contributes.grammars[0]?.injectTo, ['text.html.markdown']);
  });

  it('explains every problem code in the README, where diagnostics link (README.md#code)', function () {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const code = srcFiles('src/core').map((f) => source(f)).join('\n');
    const found = new Set([...code.matchAll(/\b(?:problem|at)\(\s*'([a-z][a-z0-9-]+)'/g)].map((m) => m[1]!));
    for (const c of [...GIT_CHECK_CODES, 'claim-contradicted', 'claim-confirmed', 'claim-unverifiable']) found.add(c);
    assert.ok(found.size > 30, `found ${found.size} codes`);
    for (const c of found) {
      if (c.startsWith('planning-')) assert.ok(readme.includes('`planning-*`'), c);
      else assert.ok(readme.includes(`<a id="${c}"></a>`), `README has no row for ${c}`);
    }
  });

  it('targets VS Code ^1.100.0', function () {
    assert.equal(pkg.engines.vscode, '^1.100.0');
  });
});
