// Pulls Swedish running text out of unpacked Debian packages (HTML help, man pages, gettext
// catalogues) and counts word unigrams and bigrams, for the repair stage's context model.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const ENTITIES = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", auml: 'ä', Auml: 'Ä', aring: 'å', Aring: 'Å',
  ouml: 'ö', Ouml: 'Ö', eacute: 'é', Eacute: 'É', uuml: 'ü', Uuml: 'Ü', egrave: 'è', aacute: 'á', shy: '',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', rdquo: '”', ldquo: '“', rsquo: '’', lsquo: '‘',
  copy: '©', reg: '®', trade: '™', middot: '·', bull: '•', oslash: 'ø', aelig: 'æ', Oslash: 'Ø', AElig: 'Æ',
};

function decode(buf) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('latin1').decode(buf);
  }
}

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : ' ';
    }
    return ENTITIES[e] ?? ' ';
  });
}

export function htmlParagraphs(html) {
  const body = html
    .replace(/<(script|style|head|pre|code|tt|kbd|samp)\b[\s\S]*?<\/\1>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(p|div|li|ul|ol|h\d|td|th|tr|table|br|dd|dt|dl|title|blockquote|section|article|caption|figcaption)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, ' ');
  return decodeEntities(body).split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export function manParagraphs(text) {
  const out = [];
  let cur = [];
  for (const raw of text.split('\n')) {
    if (/^\.(PP|P|LP|SH|SS|TP|IP|HP|sp|br|RS|RE)\b/.test(raw) || raw.trim() === '') {
      if (cur.length) out.push(cur.join(' '));
      cur = [];
    }
    if (raw.startsWith(".\\\"") || raw.startsWith("'\\\"")) continue;
    let line = raw.replace(/^\.(B|I|BI|IB|BR|RB|IR|RI|SH|SS|TP|IP)\s*/, '');
    if (line.startsWith('.')) continue;
    line = line.replace(/\\f[BIRP1-4]|\\f\(..|\\f\[[^\]]*\]/g, '').replace(/\\-/g, '-').replace(/\\\(aa/g, "'")
      .replace(/\\\[[a-z]+\]|\\\(..|\\[&|^ ]/g, ' ').replace(/\\e/g, '\\').replace(/"/g, '');
    if (line.trim()) cur.push(line.trim());
  }
  if (cur.length) out.push(cur.join(' '));
  return out;
}

export function moParagraphs(buf) {
  const magic = buf.readUInt32LE(0);
  const le = magic === 0x950412de;
  const rd = (o) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const n = rd(8), transTable = rd(16);
  const out = [];
  for (let i = 0; i < n; i++) {
    const len = rd(transTable + 8 * i), off = rd(transTable + 8 * i + 4);
    if (!len) continue;
    for (const s of buf.subarray(off, off + len).toString('utf8').split('\0')) {
      const t = s.replace(/[~_&](?=\p{L})/gu, '').replace(/%\w|\$\w+\$?|\{\w+\}/g, ' ').trim();
      if (t) out.push(t);
    }
  }
  return out;
}

function* walk(dir) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Paragraphs of one unpacked package tree, each tagged with its kind. */
export function* packageParagraphs(root, only) {
  for (const file of walk(root)) {
    if (only && !file.includes(only)) continue;
    if (/\/(copyright|changelog[^/]*)$/.test(file)) continue;
    if (/\.(html?|page)$/.test(file)) yield* htmlParagraphs(decode(fs.readFileSync(file)));
    else if (/\/man\/.*\.gz$/.test(file)) yield* manParagraphs(decode(zlib.gunzipSync(fs.readFileSync(file))));
    else if (/\.mo$/.test(file)) yield* moParagraphs(fs.readFileSync(file));
  }
}

const EN = new Set('the and of to is for with this that you are be on it from by or as an can will not which your use if when was were has have these those there their into'.split(' '));
const SV = new Set('och att det som en är av för på med till den om inte eller kan du har de ett vid från så här sig ska när dig alla man men var vill också eftersom under efter mellan'.split(' '));

/** True when a paragraph reads as Swedish; help files leave much English untranslated. */
export function isSwedish(words) {
  let en = 0, sv = 0;
  for (const w of words) {
    if (EN.has(w)) en++;
    else if (SV.has(w)) sv++;
  }
  return sv >= 2 && sv >= 3 * en;
}

/** Splits a paragraph into sentences of lowercased words (letters, inner hyphens and apostrophes). */
export function sentences(paragraph) {
  const out = [];
  for (const s of paragraph.normalize('NFC').split(/(?<=[.!?:;])\s+|\s+[–—]\s+|[()[\]"“”«»]/)) {
    // numbers stand as one token, "<num>", so that "4 år" or "kl 10" teach the model something
    const words = s.toLowerCase().match(/\p{L}+(?:[-'’]\p{L}+)*|\d+(?:[.,:]\d+)*/gu);
    if (words && words.some((w) => !/^\d/.test(w))) out.push(words.map((w) => (/^\d/.test(w) ? '<num>' : w)));
  }
  return out;
}

// Words that mark a sentence as software instructions ("Klicka på …", "Ändra fältet …"); such
// sentences are far from the prose of minutes, so they count less.
const HELP = new Set('klicka klickar dubbelklicka högerklicka markera markerar dialogrutan dialogruta menyn meny fliken flik knappen knapp ikonen ikon musen tangent tangenten tangentbordet kommandot kommando fönstret fönster verktygsfältet välj väljer öppna öppnar skriv ange anger ändra ändrar inställningar filen fil mappen cell cellen cellerna kolumn kolumnen rad raden dokumentet markören alternativet alternativ fältet dra släpp tryck trycker'.split(' '));
export function isInstruction(words) {
  let n = 0;
  for (const w of words) if (HELP.has(w)) n++;
  return n >= 1;
}
