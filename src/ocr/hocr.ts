// Reads one page of Tesseract's hOCR output into the word structure tesseract.js returns (blocks, lines, word boxes, confidences).
import type { OcrLine, OcrPage, OcrWord } from './page.js';

// Tesseract writes the same few tags for every page (src/api/hocrrenderer.cpp): blocks as ocr_carea divs,
// paragraphs as ocr_par, lines as ocr_line (or ocr_header, ocr_caption, ocr_textfloat), words as ocrx_word
// with `x_wconf`; a word's text may sit inside <strong>/<em> when font info is asked for.
const TAG = /<div class=['"]ocr_carea['"]|<p class=['"]ocr_par['"]|<span class=['"]ocr_(?:line|header|caption|textfloat)['"][^>]*?title=(["'])(.*?)\1[^>]*>|<span class=['"]ocrx_word['"][^>]*?title=(["'])(.*?)\3[^>]*>([\s\S]*?)<\/span>/g;

interface Box { x0: number; y0: number; x1: number; y1: number }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s
  .replace(/<[^>]*>/g, '')
  .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });

function bbox(title: string): Box | null {
  const m = /bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)/.exec(title);
  return m ? { x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) } : null;
}

/**
 * hOCR gives a line's baseline as `baseline slope offset`, measured from the bottom left corner of the line's
 * box; tesseract.js gives the two end points. Converted to end points at the box's left and right edges.
 */
function baseline(title: string, box: Box): Box | undefined {
  const m = /baseline (-?[\d.]+) (-?[\d.]+)/.exec(title);
  if (!m) return undefined;
  const slope = Number(m[1]);
  const y0 = box.y1 + Number(m[2]);
  return { x0: box.x0, y0, x1: box.x1, y1: y0 + slope * (box.x1 - box.x0) };
}

/** The page's blocks, paragraphs, lines and words; `confidence` is the mean word confidence, as Tesseract's MeanTextConf. */
export function parseHocrPage(hocr: string): OcrPage {
  const blocks: NonNullable<OcrPage['blocks']> = [];
  let line: OcrLine | null = null;
  const para = () => {
    if (blocks.length === 0) blocks.push({ paragraphs: [] });
    const b = blocks[blocks.length - 1]!;
    if (b.paragraphs.length === 0) b.paragraphs.push({ lines: [] });
    return b.paragraphs[b.paragraphs.length - 1]!;
  };
  let sum = 0;
  let count = 0;
  for (const m of hocr.matchAll(TAG)) {
    const tag = m[0];
    if (tag.startsWith('<div')) {
      blocks.push({ paragraphs: [] });
      line = null;
    } else if (tag.startsWith('<p')) {
      if (blocks.length === 0) blocks.push({ paragraphs: [] });
      blocks[blocks.length - 1]!.paragraphs.push({ lines: [] });
      line = null;
    } else if (m[2] !== undefined) {
      const box = bbox(m[2]);
      if (!box) continue;
      line = { words: [], bbox: box, baseline: baseline(m[2], box) };
      para().lines.push(line);
    } else if (m[4] !== undefined) {
      const box = bbox(m[4]);
      const text = decode(m[5] ?? '');
      if (!box || !line) continue;
      const conf = /x_wconf (-?[\d.]+)/.exec(m[4]);
      const word: OcrWord = { text, confidence: conf ? Number(conf[1]) : 0, bbox: box };
      line.words.push(word);
      sum += word.confidence;
      count++;
    }
  }
  // Tesseract's MeanTextConf is an integer mean (0 when there are no words).
  return { blocks, confidence: count ? Math.floor(sum / count) : 0 };
}

/** The hOCR of one whole page: from its ocr_page div to the div that closes it, or null while it is incomplete. */
export function takePage(buffer: string): { page: string; rest: string } | null {
  const start = buffer.search(/<div class=['"]ocr_page['"]/);
  if (start < 0) return null;
  const divs = /<div\b|<\/div>/g;
  divs.lastIndex = start;
  let depth = 0;
  for (let m = divs.exec(buffer); m; m = divs.exec(buffer)) {
    depth += m[0] === '</div>' ? -1 : 1;
    if (depth === 0) {
      const end = m.index + m[0].length;
      return { page: buffer.slice(start, end), rest: buffer.slice(end) };
    }
  }
  return null;
}
