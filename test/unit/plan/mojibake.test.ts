// repairMojibake: UTF-8 read as Windows-1252 or Mac Roman is repaired; correct text never changes.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { repairMojibake } from '../../../src/core/plan/mojibake';
import { splitLines } from '../../../src/core/plan/markdown/scanner';
import { asCp1252, asMacRoman } from './markdown-helpers';

describe('repairMojibake', () => {
  describe('Windows-1252 forms', () => {
    // Written out code point by code point, so the test does not depend on the helper.
    const cases: [string, string][] = [
      ['\u00e2\u0153\u2026', '✅'], // E2 9C 85
      ['\u00e2\u0161\u00a0\u00ef\u00b8', '⚠️'], // E2 9A A0 EF B8 (8F lost)
      ['\u00e2\u0161\u00a0', '⚠'],
      ['\u00e2\u0152', '❌'], // E2 (9D lost) 8C
      ['\u00e2\u00b3', '⏳'], // E2 (8F lost) B3
      ['\u00e2\u0153\u201c', '✓'], // E2 9C 93
      ['\u00e2\u0153\u2014', '✗'], // E2 9C 97
      ['\u00f0\u0178\u201d\u201e', '🔄'], // F0 9F 94 84
      ['\u00f0\u0178\u201d\u00b4', '🔴'], // F0 9F 94 B4
      ['\u00f0\u0178\u0178\u00a1', '🟡'], // F0 9F 9F A1
      ['\u00e2\u2020\u2019', '→'], // E2 86 92
      ['\u00e2\u20ac\u201d', '—'], // E2 80 94
      ['\u00e2\u20ac\u0153', '“'], // E2 80 9C
      ['\u00e2\u20ac\u2122', '’'], // E2 80 99
      ['\u00e2\u20ac\u00a6', '…'], // E2 80 A6
      ['\u00c3\u00a9', 'é'],
      ['\u00c3\u2014', '×'], // C3 97
      ['\u00c2\u00bd', '½'],
      ['\u00c2\u00b0', '°'],
    ];
    for (const [bad, good] of cases) {
      it(`${JSON.stringify(bad)} → ${good}`, () => {
        assert.equal(repairMojibake(bad), good);
        assert.equal(repairMojibake(`### ${bad} Session 024: Title`), `### ${good} Session 024: Title`);
        assert.equal(repairMojibake(`x ${bad}`), `x ${good}`);
      });
    }

    it('agrees with the byte-level helper for every marker, bytes dropped or kept as C1 controls', () => {
      for (const good of ['✅', '⚠️', '❌', '⏳', '✓', '✗', '🔄', '🔴', '🟡', '🟢', '→', '⚠']) {
        assert.equal(repairMojibake(asCp1252(good)), good, `dropped: ${good}`);
        assert.equal(repairMojibake(asCp1252(good, 'c1')), good, `c1: ${good}`);
      }
    });

    it('repairs a whole line of mixed mojibake and keeps the ASCII around it', () => {
      const good = '- ✅ `src/a.ts` — coverage 77% → 85% (naïve × 3) ⚠️ partial';
      assert.equal(repairMojibake(asCp1252(good)), good);
    });

    it('repairs words of several characters (Cyrillic, CJK)', () => {
      for (const good of ['привет мир', '漢字 テスト', '한국어']) assert.equal(repairMojibake(asCp1252(good, 'c1')), good);
    });
  });

  describe('Mac Roman forms', () => {
    it('repairs `‚Üí` to →, `‚úÖ` to ✅ and `‚ö†Ô∏è` to ⚠️', () => {
      assert.equal(repairMojibake('FIX-006 (weeks 1-3) \u201a\u00dc\u00ed SEC-001'), 'FIX-006 (weeks 1-3) → SEC-001');
      assert.equal(repairMojibake('- \u201a\u00fa\u00d6 done'), '- ✅ done');
      assert.equal(repairMojibake('## \u201a\u00f6\u2020\u00d4\u220f\u00e8 RISKS'), '## ⚠️ RISKS');
    });

    it('repairs a 4-byte emoji written with U+F8FF for the lost 0xF0 byte', () => {
      assert.equal(repairMojibake('# \uf8ff\u00fc\u00ec\u00e4 PLAN'), '# 📊 PLAN');
      assert.equal(repairMojibake('### \uf8ff\u00fc\u00ee\u00a5 PHASE 1'), '### 🔴 PHASE 1');
    });

    it('repairs a 4-byte emoji whose 0xF0 byte was dropped', () => {
      assert.equal(repairMojibake('### \u00fc\u00ee\u00a5 PHASE 1'), '### 🔴 PHASE 1');
      assert.equal(repairMojibake('## \u00fc\u00f6\u00b6 GO/NO-GO'), '## 🚦 GO/NO-GO');
    });

    it('repairs `√ó` to × and `¬∞` to °', () => {
      assert.equal(repairMojibake('(QA_TESTER \u221a\u00f3 3, parallel)'), '(QA_TESTER × 3, parallel)');
      assert.equal(repairMojibake('21\u00ac\u221eC'), '21°C');
    });

    it('agrees with Node’s Mac Roman decoder for markers and CJK', () => {
      for (const good of ['✅', '⚠️', '❌', '⏳', '🔄', '🔴', '📊', '→', '×', 'é', '½', '漢字テスト']) {
        assert.equal(repairMojibake(asMacRoman(good)), good, `apple: ${good}`);
        assert.equal(repairMojibake(asMacRoman(good, 'drop')), good, `drop: ${good}`);
      }
    });
  });

  describe('correct text is never changed', () => {
    const correct = [
      'café', 'naïve', 'Größe', '½', '×', '“quotes”', '‘single’', '漢字', 'テスト', '한국어', '✅ ⚠️ ❌ ⏳ ✓ ✗ 🔄 🔴 🟡 🟢',
      '📊 🚦 👍🏽 🇫🇷 1️⃣', '→ ← ↔', '— – …', '°C ±1 µs Ω', '€5 £3 ¥7', 'Ñandú', 'ø å æ Ø Å Æ', 'œuvre Œ', 'ﬁ ﬂ', '©®™',
      '¬p ∧ q', '√2 ≈ 1.41', '«Élan»', 'Größe—Äpfel', 'café—élan', 'Résumé “Été”', 'CAFÉ…', 'café… “été…”', '3×½ cups',
      '„Äpfel“', 'über—Ärger', 'Ωμέγα', 'привет', 'שלום', 'مرحبا', 'ÀÉÎÕÜ àéîõü', '§ ¶ † ‡ • ‰', 'ÿ Ÿ', 'ß ẞ', 'Ł ł č ő',
    ];
    for (const text of correct) {
      it(JSON.stringify(text), () => {
        assert.equal(repairMojibake(text), text);
        assert.equal(repairMojibake(`- ✅ ${text} → done`), `- ✅ ${text} → done`);
      });
    }

    it('returns the very same string when nothing looks broken', () => {
      const line = '## Session 024: Plain ASCII (90% Complete)';
      assert.equal(repairMojibake(line), line);
      assert.equal(repairMojibake(''), '');
    });

    it('holds for any sequence of correct words (property)', () => {
      const word = fc.constantFrom(...correct, 'plan', 'Session 024', '**Duration:**', '| a |', '`src/x.ts`', '- [ ]', '(90% Complete)');
      fc.assert(
        fc.property(fc.array(word, { maxLength: 12 }), (words) => {
          const line = words.join(' ');
          return repairMojibake(line) === line;
        }),
        { numRuns: 300 },
      );
    });

    it('repairs every such line read as Windows-1252 (C1 kept) or Mac Roman back to itself (property)', () => {
      // Words whose mojibake is recognisable on a line of its own.
      const word = fc.constantFrom(
        'café', 'naïve', 'Größe', '½', '×', '“quotes”', '漢字', 'テスト', '✅', '⚠️', '❌', '⏳', '✓', '✗', '🔄', '🔴', '📊', '→', '—',
        '…', '°C', 'plan', 'Session 024', '`src/x.ts`',
      );
      fc.assert(
        fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), (words) => {
          const line = words.join(' ');
          return repairMojibake(asCp1252(line, 'c1')) === line && repairMojibake(asMacRoman(line)) === line;
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('cost', () => {
    it('stays fast on long runs of code-page characters', () => {
      for (const ch of ['â', 'Ã', 'ü', '\u201a', '\u221a', 'é']) {
        const started = Date.now();
        repairMojibake(ch.repeat(20_000));
        repairMojibake(`${ch}\u00a9`.repeat(10_000));
        // Linear work takes a few milliseconds here; the old cubic scan took minutes.
        assert.ok(Date.now() - started < 1000, `${ch}: ${Date.now() - started} ms`);
      }
    });
  });

  describe('splitLines', () => {
    it('removes a BOM, accepts CRLF, CR and LF, and repairs each line', () => {
      assert.deepEqual(splitLines('\ufeffa\r\nb\rc\n\u00e2\u0153\u2026 d'), ['a', 'b', 'c', '✅ d']);
    });
  });
});
