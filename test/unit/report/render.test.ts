// The report's HTML, read strictly: escaping of every field, markdown links and images, numbers
// from untrusted data, and the two documents (webview page, exported file).
import { timelineSection } from '../../../src/vscode/report/sections';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { esc, formatHours, truncate } from '../../../src/vscode/report/escape';
import { exportCsp, exportDocument, reportCsp, reportDocument } from '../../../src/vscode/report/html';
import { linkTarget, renderMarkdown } from '../../../src/vscode/report/markdown';
import { renderMessageBody, renderReportBody, type ReportView } from '../../../src/vscode/report/view';
import { aarView, XSS, xssView } from './fixtures';
import { readTags, unescape } from './markup';

const attr = (html: string, name: string) => readTags(html).flatMap((t) => t.attrs.filter(([a]) => a === name).map(([, v]) => v));

describe('report view: escaping', function () {
  it('esc escapes the five HTML-significant characters', function () {
    assert.equal(esc(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    assert.equal(esc(undefined), '');
    assert.equal(esc(42), '42');
  });

  it('renders an XSS payload in every field as text: only allowed tags and attributes come out', function () {
    for (const interactive of [true, false]) {
      const html = renderReportBody(xssView(), { interactive });
      const tags = readTags(html); // throws on anything injected
      assert.ok(tags.length > 100);
      assert.ok(!tags.some((t) => ['script', 'img', 'iframe', 'object', 'embed', 'style', 'link', 'meta'].includes(t.name)));
      assert.ok(!tags.some((t) => t.attrs.some(([a]) => /^on/i.test(a) || a === 'style' || a === 'srcdoc' || a === 'src')));
    }
  });

  it('keeps every payload readable: the text comes out exactly, escaped', function () {
    const html = renderReportBody(xssView());
    for (const payload of XSS) assert.ok(html.includes(esc(payload)), `missing escaped ${payload}`);
    const title = /<h1>(.*?)<\/h1>/.exec(html)?.[1] ?? '';
    assert.equal(unescape(title), XSS[0]);
  });

  it('round-trips a hostile file name through data-file unchanged', function () {
    const view = { ...aarView(3), markdown: '' };
    view.findings = [{ code: 'c', severity: 'error', message: 'm', file: `a" onclick="alert(1)'<b>.md`, line: 7, column: 3 }];
    const html = renderReportBody(view);
    assert.deepEqual(attr(html, 'data-file').map(unescape), [`a" onclick="alert(1)'<b>.md`]);
    assert.deepEqual(attr(html, 'data-line'), ['7']);
    assert.deepEqual(attr(html, 'data-column'), ['3']);
  });

  it('holds for arbitrary strings in every field (property)', function () {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const hoursArb = fc.option(fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -1, 0, 1e308)), { nil: undefined });
    const view = fc.record({
      title: text,
      kind: fc.constantFrom('plan', 'handoff', 'aar', 'document', '"><x'),
      markdown: fc.string({ maxLength: 200 }),
      partial: fc.array(text, { maxLength: 3 }),
      metrics: fc.array(fc.record({ label: text, value: text, detail: text }), { maxLength: 4 }),
      timeline: fc.array(fc.record({ session: text, title: text, plannedHours: hoursArb, actualHours: hoursArb, note: text }), { maxLength: 8 }),
      deliverables: fc.array(fc.record({ session: text, path: text, state: fc.constantFrom('present', 'stub', 'missing', 'outside', 'x"y'), lines: hoursArb }), { maxLength: 6 }),
      findings: fc.array(
        fc.record({ code: text, severity: fc.constantFrom('error', 'warning', 'info', '<b>'), message: text, file: text, line: fc.double(), column: hoursArb }),
        { maxLength: 6 },
      ),
      schedule: fc.option(
        fc.record({
          instances: fc.double(),
          makespanHours: fc.double(),
          assumption: text,
          items: fc.array(fc.record({ id: text, title: text, instance: fc.double(), start: fc.double(), end: fc.double(), critical: fc.boolean() }), { maxLength: 6 }),
        }),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(view, (v) => {
        for (const interactive of [true, false]) {
          // readTags also checks that every coordinate and data-line is a plain number.
          readTags(renderReportBody(v as unknown as ReportView, { interactive }));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('survives a view that is not shaped like a ReportView', function () {
    const broken = { title: null, kind: 'nope', markdown: 42, metrics: null, timeline: [null, {}], deliverables: {}, findings: [{}], schedule: { items: null } };
    const html = renderReportBody(broken as unknown as ReportView);
    readTags(html);
    assert.match(html, /report-document/);
  });
});

describe('report view: markdown', function () {
  it('refuses javascript:, vbscript:, data: and file: links, and leaves other schemes inert', function () {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:x) [d](data:text/html,x) [e](file:///etc/passwd) ' +
        '[f](mailto:a@b.c) [g](command:workbench.action.terminal.new) [h](//evil.example/x) [i](vscode://x)',
    );
    readTags(html);
    assert.deepEqual(attr(html, 'href'), []);
    assert.ok(!/javascript:[^<]*<\/?a/i.test(html));
    // a-e are refused by markdown-it (they stay plain text); f-i are links rendered inert.
    assert.equal((html.match(/class="md-link-inert"/g) ?? []).length, 4);
    assert.ok(html.includes('[a](javascript:alert(1))'));
  });

  it('follows http(s) with rel=noopener, opens relative paths in the editor, keeps #anchors', function () {
    const html = renderMarkdown('[w](https://example.com/a?b=1&c=2) [r](docs/notes%20one.md#L40) [s](../x.ts) [t](#top)');
    readTags(html);
    assert.deepEqual(attr(html, 'href'), ['https://example.com/a?b=1&amp;c=2', '#top']);
    assert.deepEqual(attr(html, 'rel'), ['noopener noreferrer']);
    assert.deepEqual(attr(html, 'data-file'), ['docs/notes one.md', '../x.ts']);
    assert.deepEqual(attr(html, 'data-line'), ['40', '1']);
  });

  it('classifies hrefs', function () {
    assert.deepEqual(linkTarget('http://a.b'), { kind: 'external', href: 'http://a.b' });
    assert.deepEqual(linkTarget('src/a.ts#L3'), { kind: 'file', file: 'src/a.ts', line: 3 });
    assert.deepEqual(linkTarget('src/%E0%A4%A.ts'), { kind: 'inert' });
    assert.deepEqual(linkTarget('C:/x'), { kind: 'inert' });
    assert.deepEqual(linkTarget('\\\\server\\share'), { kind: 'inert' });
  });

  it('never loads an image: it shows the alt text', function () {
    const html = renderMarkdown('![a <b>"logo"</b>](https://evil.example/t.png) ![x](x" onerror="alert(1))');
    readTags(html);
    assert.ok(!html.includes('<img'));
    assert.match(html, /<span class="md-image" title="Image not loaded: https:\/\/evil.example\/t.png">a &lt;b&gt;&quot;logo&quot;&lt;\/b&gt;<\/span>/);
  });

  it('escapes raw HTML and turns table alignment into classes (no inline style)', function () {
    const html = renderMarkdown('<div onclick="x">hi</div>\n\n| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |\n');
    readTags(html);
    assert.ok(html.includes('&lt;div onclick=&quot;x&quot;&gt;hi&lt;/div&gt;'));
    assert.ok(!html.includes('style='));
    assert.equal((html.match(/class="align-(left|center|right)"/g) ?? []).length, 6);
  });
});

describe('report view: panels', function () {
  it('renders metric cards, both charts, the deliverables matrix, findings and the document', function () {
    const html = renderReportBody(aarView(100));
    readTags(html);
    for (const part of ['metric-grid', 'timeline-chart', 'gantt-chart', 'panel-deliverables', 'panel-findings', 'markdown-body', 'notice-partial']) {
      assert.ok(html.includes(part), part);
    }
    assert.equal((html.match(/<g class="tl-session/g) ?? []).length, 100);
    assert.equal((html.match(/<g class="gantt-item/g) ?? []).length, 100);
    assert.match(html, /<svg class="chart timeline-chart"[^>]* role="img" aria-labelledby="timeline-title timeline-desc"/);
    assert.match(html, /<rect class="tl-actual"[^>]* aria-label="Session 001: actual [\d.]+ h"/);
  });

  it('marks sessions within budget, a little over, far over, and without a budget', function () {
    const view = aarView(1);
    view.timeline = [
      { session: 'A', title: 'ok', plannedHours: 4, actualHours: 3 },
      { session: 'B', title: 'warn', plannedHours: 4, actualHours: 4.5 },
      { session: 'C', title: 'over', plannedHours: 4, actualHours: 6 },
      { session: 'D', title: 'unplanned', actualHours: 2 },
      { session: 'E', title: 'pending', plannedHours: 2 },
    ];
    const classes = [...renderReportBody(view).matchAll(/<g class="tl-session tl-(\w+)"/g)].map((m) => m[1]);
    assert.deepEqual(classes, ['ok', 'warn', 'over', 'unplanned', 'pending']);
  });

  it('folds a long deliverables matrix behind the ones needing attention', function () {
    const html = renderReportBody(aarView(100));
    assert.match(html, /<h3>Needs attention<\/h3>/);
    assert.match(html, /<summary>All 300 deliverables<\/summary>/);
    const small = renderReportBody(aarView(5));
    assert.ok(!small.includes('Needs attention'));
  });

  it('shows the four deliverable states with an icon and a word', function () {
    const view = aarView(1);
    view.deliverables = (['present', 'stub', 'missing', 'outside'] as const).map((state) => ({ session: '1', path: `${state}.ts`, state }));
    const html = renderReportBody(view);
    for (const s of ['present', 'stub', 'missing', 'outside scope']) assert.ok(html.includes(`<span class="state-label">${s}</span>`), s);
  });

  it('lists findings errors first, as buttons in the webview and as text in the export', function () {
    const view = aarView(2);
    view.findings = [
      { code: 'i', severity: 'info', message: 'info', file: 'a.md', line: 1 },
      { code: 'e', severity: 'error', message: 'error', file: 'b.md', line: 2, column: 4 },
      { code: 'w', severity: 'warning', message: 'warning', file: 'c.md', line: 0 },
    ];
    const html = renderReportBody(view);
    assert.deepEqual([...html.matchAll(/<button type="button" class="finding sev-(\w+)" data-file="([^"]*)" data-line="(\d+)"/g)].map((m) => m.slice(1)), [
      ['error', 'b.md', '2'],
      ['warning', 'c.md', '1'],
      ['info', 'a.md', '1'],
    ]);
    const exported = renderReportBody(view, { interactive: false });
    assert.ok(!exported.includes('<button') && !exported.includes('data-file="b.md"'));
    assert.match(exported, /<li class="finding sev-error">.*b\.md:2:4/);
  });

  it('formats hours and truncates by code point', function () {
    assert.deepEqual([0, 4, 3.5, 0.25, 1 / 3].map(formatHours), ['0 h', '4 h', '3.5 h', '0.25 h', '0.33 h']);
    assert.equal(truncate('😀😀😀😀', 3), '😀😀…');
  });

  it('renders a message body escaped', function () {
    assert.equal(renderMessageBody('<b>', 'error'), '<div class="message message-error" role="alert">&lt;b&gt;</div>');
  });
});

describe('report documents', function () {
  const opts = {
    body: '<p>x</p>',
    nonce: 'abcdefghijklmnopqrstuv+/',
    cspSource: 'https://*.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.css',
    title: '</title><script>alert(1)</script>',
  };

  it('the webview page has the strict CSP, one nonce\'d script, our stylesheet, no inline style', function () {
    const html = reportDocument(opts);
    const csp = `default-src 'none'; img-src https://*.vscode-cdn.net data:; style-src https://*.vscode-cdn.net; script-src 'nonce-abcdefghijklmnopqrstuv+/'; font-src https://*.vscode-cdn.net;`;
    assert.equal(reportCsp(opts.cspSource, opts.nonce), csp);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`));
    assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]), [`<script nonce="${opts.nonce}" src="${opts.scriptUri}">`]);
    assert.ok(html.includes(`<link rel="stylesheet" href="${opts.styleUri}">`));
    assert.ok(!/<style|style=/.test(html));
    assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
  });

  it('refuses a weak nonce or a CSP source that could add directives', function () {
    assert.throws(() => reportDocument({ ...opts, nonce: 'short' }));
    assert.throws(() => reportDocument({ ...opts, nonce: "abcdefghijklmnopqrstuv' 'unsafe-inline" }));
    assert.throws(() => reportDocument({ ...opts, cspSource: "https://x; script-src 'unsafe-inline'" }));
    assert.throws(() => reportDocument({ ...opts, cspSource: '' }));
    // What VS Code 1.100 really passes is accepted; a keyword that widens the policy is not.
    assert.match(reportCsp("'self' https://*.vscode-cdn.net", opts.nonce), /style-src 'self' https:\/\/\*\.vscode-cdn\.net;/);
    assert.throws(() => reportCsp("'self' 'unsafe-inline'", opts.nonce));
    assert.throws(() => reportCsp("https://x 'unsafe-eval'", opts.nonce));
  });

  it('the exported file inlines the CSS allowed by its hash and has no script and no buttons', function () {
    const css = 'body { color: red; } /* </style><b onclick=alert(1)>x</b> */';
    const html = exportDocument(xssView(), css);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    assert.ok(!style.includes('</style'));
    const hash = createHash('sha256').update(style).digest('base64');
    assert.equal(exportCsp(style), `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none';`);
    assert.ok(html.includes(`content="${esc(exportCsp(style))}"`));
    assert.ok(!/<script/i.test(html.replace(style, '')));
    assert.ok(!html.includes('<button'));
    readTags(/<main id="report">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '');
  });
});

describe('report view: the timeline summary', () => {
  it('compares actual hours only with the sessions that were timed, and says when none was', () => {
    const none = timelineSection([{ session: 'R1', title: 'Survey', plannedHours: 1 }, { session: 'R2', title: 'Mast', plannedHours: 3 }]);
    assert.match(none, /Planned <strong>4 h<\/strong> · no session timed yet/);
    assert.doesNotMatch(none, /-100%/);
    const some = timelineSection([{ session: 'R1', title: 'Survey', plannedHours: 1, actualHours: 1.5 }, { session: 'R2', title: 'Mast', plannedHours: 3 }]);
    assert.match(some, /actual <strong>1\.5 h<\/strong> over 1 timed session \(\+50% of their 1 h\)/);
  });

  it('compares a session on the clock with its plan only once it stops', () => {
    // R2 has run 10 minutes of its 3 hours: not "-94%", not a Δ, but hours so far.
    const running = timelineSection([
      { session: 'R1', title: 'Survey', plannedHours: 1 },
      { session: 'R2', title: 'Mast', plannedHours: 3, actualHours: 1 / 6, onClock: true },
    ]);
    assert.match(running, /actual <strong>0\.17 h<\/strong> over 1 timed session, 1 still on the clock · 0 of 2 sessions over budget/);
    assert.match(running, /<title>Session R2: Mast · planned 3 h · actual 0\.17 h so far, on the clock<\/title>/);
    assert.doesNotMatch(running.replace(/<ul class="legend".*?<\/ul>/, ''), /%/, 'no percentage, legend aside');
    const row = /<tr class="tl-row-[a-z]+"><th scope="row">R2<\/th>(.*?)<\/tr>/.exec(running)?.[1] ?? '';
    assert.match(row, /<td class="num">—<\/td><td>on the clock<\/td>$/);
    const mixed = timelineSection([
      { session: 'R1', title: 'Survey', plannedHours: 1, actualHours: 1.5, note: 'done' },
      { session: 'R2', title: 'Mast', plannedHours: 3, actualHours: 0.5, onClock: true, note: 'partial' },
    ]);
    assert.match(mixed, /actual <strong>2 h<\/strong> over 2 timed sessions \(the 1 stopped: \+50% of their 1 h\), 1 still on the clock/);
    assert.match(mixed, /<td>partial; on the clock<\/td>/);
    assert.match(mixed, /<td class="num">\+0\.5 h<\/td><td>done<\/td>/);
    // Stopped after seconds: no "-100%" from less than a minute of clock.
    const blink = timelineSection([{ session: 'R1', title: 'Survey', plannedHours: 1, actualHours: 2 / 3600 }]);
    assert.match(blink, /over 1 timed session · 0 of 1 session over budget/);
  });
});

describe('report page with its stylesheet and script inline', () => {
  it('allows the style by its hash and the script by the nonce, and nothing ends them early', () => {
    const css = 'body { color: red; } /* </style><b onclick=alert(1)>x</b> */';
    const js = 'const s = "</script><img src=x onerror=alert(1)>";';
    const nonce = 'abcdefghijklmnopqrstuvwx';
    const html = reportDocument({ body: '<p>x</p>', nonce, cspSource: "'self' https://*.vscode-cdn.net", scriptUri: 'unused', styleUri: 'unused', title: 't', inline: { css, js } });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    assert.ok(unescape(html).includes(`style-src 'self' https://*.vscode-cdn.net 'sha256-${hash}'`));
    assert.ok(html.includes(`<script nonce="${nonce}">`));
    assert.equal(html.match(/<\/script>/g)?.length, 1, 'only our closing tag');
    assert.equal(html.match(/<\/style>/g)?.length, 1);
    assert.doesNotMatch(html, /src="unused"|href="unused"/);
  });
});
