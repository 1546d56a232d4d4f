import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { escapeData, escapeProperty, formatGithub, formatJson, formatText, type FileProblem } from '../../../src/cli/format';
import { pipeSafe } from '../../../src/cli/io';

const sample: FileProblem[] = [
  { file: 'plans/a,b:c.md', line: 3, column: 2, endLine: 3, endColumn: 9, severity: 'error', code: 'duplicate-session-id', message: 'Used twice: 100% sure\r\nsee line 1' },
  { file: 'plans/a.md', line: 7, column: 1, endLine: 7, endColumn: 1, severity: 'warning', code: 'hours-mismatch', message: 'Totals differ' },
  { file: 'plans/a.md', line: 9, column: 1, endLine: 9, endColumn: 1, severity: 'info', code: 'note', message: 'FYI' },
];

describe('cli: check formatters', () => {
  it('text: file:line:col severity code message, then a summary', () => {
    assert.equal(
      formatText(sample, 2),
      [
        'plans/a,b:c.md:3:2 error duplicate-session-id Used twice: 100% sure see line 1',
        'plans/a.md:7:1 warning hours-mismatch Totals differ',
        'plans/a.md:9:1 info note FYI',
        '2 files checked: 1 error, 1 warning, 1 info',
        '',
      ].join('\n'),
    );
    assert.equal(formatText([], 1), '1 file checked: no problems\n');
  });

  it('json: an array of the documented fields in order', () => {
    const rows = JSON.parse(formatJson(sample)) as Record<string, unknown>[];
    assert.equal(rows.length, 3);
    assert.deepEqual(Object.keys(rows[0] ?? {}), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    assert.equal(formatJson([]), '[]\n');
  });

  it('github: workflow commands with escaped data and properties', () => {
    assert.equal(
      formatGithub(sample),
      '::error file=plans/a%2Cb%3Ac.md,line=3,col=2,endLine=3,endColumn=9,title=marathon/duplicate-session-id::Used twice: 100%25 sure%0D%0Asee line 1\n' +
        '::warning file=plans/a.md,line=7,col=1,endLine=7,endColumn=1,title=marathon/hours-mismatch::Totals differ\n' +
        '::notice file=plans/a.md,line=9,col=1,endLine=9,endColumn=1,title=marathon/note::FYI\n',
    );
    assert.equal(escapeData('a%b\nc\rd:e,f'), 'a%25b%0Ac%0Dd:e,f');
    assert.equal(escapeProperty('a%b\nc\rd:e,f'), 'a%25b%0Ac%0Dd%3Ae%2Cf');
  });
});

describe('cli: pipeSafe', () => {
  it('drops writes after the reader went away instead of throwing', () => {
    const written: string[] = [];
    const stream = Object.assign(new EventEmitter(), { write: (t: string) => written.push(t) > 0 });
    const out = pipeSafe(stream);
    out.write('one');
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    out.write('two');
    assert.deepEqual(written, ['one']);
  });

  it('treats a synchronous write failure the same way', () => {
    let calls = 0;
    const stream = Object.assign(new EventEmitter(), {
      write: () => {
        calls++;
        throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      },
    });
    const out = pipeSafe(stream);
    assert.equal(out.write('a'), false);
    assert.equal(out.write('b'), false);
    assert.equal(calls, 1);
  });
});
