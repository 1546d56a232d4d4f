/**
 * Repairs mojibake: UTF-8 bytes that were decoded as Windows-1252 (`âœ…` for ✅, `â†’` for →)
 * or as Mac Roman (`‚Üí` for →, `üî¥` for 🔴 with the lead byte lost). Real plan files arrive
 * like this; each suspicious run is re-encoded to bytes and decoded as UTF-8, and kept only when
 * that decodes cleanly, so correct text is never changed.
 */

// Windows-1252 bytes 0x80-0x9F that differ from Latin-1.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86,
  0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c,
  0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

// Mac Roman bytes 0x80-0xFF, in order (128 characters: 0xCA is a no-break space, 0xF0 the Apple logo).
const MAC_ROMAN =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';
const MAC_BYTE = new Map<number, number>();
for (let i = 0; i < MAC_ROMAN.length; i++) MAC_BYTE.set(MAC_ROMAN.charCodeAt(i), 0x80 + i);
// Byte 0xF0 is the Apple logo, which some converters write as the private-use U+F8FF.
MAC_BYTE.set(0xf8ff, 0xf0);

/**
 * Cheap test: could this line hold mojibake at all? The second part covers Mac Roman lead bytes
 * (`‚` E2, `Ô` EF, `√` C3, `¬` C2, `ü` for an emoji that lost its F0), whose continuation bytes
 * include math signs up to `≥` U+2265.
 */
const SUSPECT = /[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122]|[\u201a\u00fc\u00d4\u00c3\u00e2\u221a\u00ac][\u0080-\u2265]/;

/**
 * Could any line of `text` hold mojibake? One pass over the whole text, so a reader can skip the
 * per-line repair when the answer is no (a match never spans a line break: both characters of
 * SUSPECT are non-ASCII).
 */
export function mayHoldMojibake(text: string): boolean {
  return nextSuspect(text, 0) >= 0;
}

// The characters a SUSPECT match can start with, as one class. Searching a whole plan for them is
// about twice as fast as searching for SUSPECT itself (1.3 ms against 2.3-3 ms on a 1.3 MB plan with
// arrows, which are two-byte text); each one found is then tried in place.
const SUSPECT_START = /[\u00ac\u00c2-\u00f4\u00fc\u201a\u221a]/g;
const SUSPECT_HERE = new RegExp(SUSPECT.source, 'y');

/**
 * Where the next possible mojibake in `text` starts, at or after `from`; -1 when there is none.
 * A reader going through the lines of a text repairs only the lines holding such a place: the
 * others are unchanged by repairMojibake, and one pass finds them all.
 */
export function nextSuspect(text: string, from: number): number {
  SUSPECT_START.lastIndex = from;
  // `test` leaves lastIndex just past the character found (no match array is built).
  while (SUSPECT_START.test(text)) {
    const at = SUSPECT_START.lastIndex - 1;
    SUSPECT_HERE.lastIndex = at;
    if (SUSPECT_HERE.test(text)) return at;
  }
  return -1;
}

function cp1252Byte(code: number): number | undefined {
  if (code >= 0x80 && code <= 0xff) return code;
  return CP1252_HIGH[code];
}

function macByte(code: number): number | undefined {
  return MAC_BYTE.get(code);
}

// Re-encodes the code-page characters starting at `start` as the bytes of one UTF-8 character (its
// lead byte says how many) and decodes them; undefined unless that gives one clean character. The
// caller repairs a line one character at a time, so the cost stays linear in the line.
// `lostLead` supplies a missing 0xF0 lead byte (Mac Roman emoji).
//
// The bytes are decoded here rather than by TextDecoder (this runs for every non-ASCII character of
// a suspect line): a sequence is accepted exactly when TextDecoder would give one character that is
// neither U+FFFD nor a C1 control; like TextDecoder, a decoded byte order mark gives ''.
function decodeOne(
  line: string,
  start: number,
  toByte: (code: number) => number | undefined,
  lostLead = false,
): { text: string; end: number } | undefined {
  const first = lostLead ? 0xf0 : toByte(line.charCodeAt(start));
  const need = first === undefined || first < 0xc2 || first > 0xf4 ? 0 : first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : 2;
  if (need === 0) return undefined;
  let cp = first! & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07);
  let end = start;
  for (let k = lostLead ? 1 : 0; k < need; k++) {
    if (end >= line.length) return undefined;
    const b = toByte(line.charCodeAt(end));
    if (b === undefined) return undefined;
    end++;
    if (k === 0) continue; // the lead byte itself
    // UTF-8 continuation bytes; the second byte's range excludes overlong forms, surrogates and
    // code points above U+10FFFF.
    const lo = k === 1 && first === 0xe0 ? 0xa0 : k === 1 && first === 0xf0 ? 0x90 : 0x80;
    const hi = k === 1 && first === 0xed ? 0x9f : k === 1 && first === 0xf4 ? 0x8f : 0xbf;
    if (b < lo || b > hi) return undefined; // TextDecoder would write U+FFFD
    cp = (cp << 6) | (b & 0x3f);
  }
  if ((cp >= 0x80 && cp <= 0x9f) || cp === 0xfffd) return undefined; // C1 controls are no repair
  return { text: cp === 0xfeff ? '' : String.fromCodePoint(cp), end };
}

// Windows-1252 has no character for bytes 0x81 0x8D 0x8F 0x90 0x9D, so decoders drop them and the
// generic repair cannot know which byte went missing. These are the markers seen in real files.
// Each form is tried only when its two characters (the first element) occur in the line.
const DROPPED_BYTE_FORMS: [string, RegExp, string][] = [
  ['\u00e2\u00b3', /\u00e2\u00b3/g, '\u23f3'], // ⏳ E2 8F B3
  ['\u00e2\u0152', /\u00e2\u0152/g, '\u274c'], // ❌ E2 9D 8C
  ['\u00ef\u00b8', /\u00ef\u00b8(?!\u008f)/g, '\ufe0f'], // variation selector EF B8 8F, as in ⚠️
];

const NON_ASCII = /[\u0080-\uffff]/g;

/** Returns the line with mojibake runs repaired, or the same string when there are none. */
export function repairMojibake(line: string): string {
  return SUSPECT.test(line) ? repairSuspectLine(line) : line;
}

/**
 * repairMojibake for a line known to hold a suspect place (as nextSuspect finds one), so the
 * test for one is not run again.
 */
export function repairSuspectLine(line: string): string {
  for (const [pair, form, good] of DROPPED_BYTE_FORMS) if (line.includes(pair)) line = line.replace(form, good);
  // Unchanged stretches are copied with one slice each rather than character by character.
  let out = '';
  let kept = 0; // start of the stretch not yet copied to `out`
  // Only non-ASCII characters can start a repair: the pattern finds the next one natively, which is
  // faster than reading every character of a long line in a loop.
  let i = 0;
  while (i < line.length) {
    NON_ASCII.lastIndex = i;
    if (!NON_ASCII.test(line)) break;
    i = NON_ASCII.lastIndex - 1;
    const fixed = repairAt(line, i);
    if (fixed) {
      out += line.slice(kept, i) + fixed.text;
      i = kept = fixed.end;
    } else {
      i++;
    }
  }
  return kept === 0 ? line : out + line.slice(kept);
}

function repairAt(line: string, i: number): { text: string; end: number } | undefined {
  // Both code pages may decode a prefix (`Êº¢` is `ʺ` + `¢` as Windows-1252, `漢` as Mac Roman):
  // the reading that explains more of the run wins; a tie keeps Windows-1252.
  const cp = decodeRun(line, i, cp1252Byte, false);
  const mac = decodeRun(line, i, macByte, true);
  return cp && (!mac || cp.end >= mac.end) ? cp : mac;
}

// Decodes UTF-8 characters one after another from `start` while they decode cleanly. Mac Roman has
// no character for byte 0xF0, so its emoji may have lost their lead byte (`üî¥` for 🔴).
function decodeRun(
  line: string,
  start: number,
  toByte: (code: number) => number | undefined,
  lostLead: boolean,
): { text: string; end: number } | undefined {
  let text = '';
  let j = start;
  while (j < line.length) {
    // Only emoji (U+1Fxxx, bytes F0 9F …) are restored without their lead byte: `©®™` is no emoji.
    const emoji = lostLead && toByte(line.charCodeAt(j)) === 0x9f;
    const one = decodeOne(line, j, toByte) ?? (emoji ? decodeOne(line, j, toByte, true) : undefined);
    if (!one) break;
    text += one.text;
    j = one.end;
  }
  if (j === start) return undefined;
  // One character from a block that is written in words is more likely correct text that happens to
  // decode (`—é` is `ю` as Mac Roman, `é—“` an ideograph as Windows-1252) than mojibake.
  if (text.length === 1 && !plausibleAlone(text.codePointAt(0)!)) return undefined;
  return { text, end: j };
}

// Latin-1 and Latin Extended-A (`é`, `×`, `Œ`), Greek (`Ω`), punctuation and symbols (`→`, `✅`),
// and everything from U+F000 on (variation selectors, emoji) may be repaired one character at a time.
function plausibleAlone(cp: number): boolean {
  return cp <= 0x17f || (cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x2000 && cp <= 0x2fff) || cp >= 0xf000;
}
