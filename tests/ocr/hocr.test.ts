// Native Tesseract's hOCR read into the same word structure as tesseract.js's blocks, page by page from a stream.
import { describe, expect, it } from 'vitest';
import { parseHocrPage, takePage } from '../../src/ocr/hocr.js';
import { pageLines } from '../../src/ocr/page.js';

// Tesseract 5.3's hOCR for the start of a page, entities and all (src/api/hocrrenderer.cpp).
const PAGE = `  <div class='ocr_page' id='page_1' title='image "/tmp/p-1"; bbox 0 0 1654 2339; ppageno 0; scan_res 200 200'>
   <div class='ocr_carea' id='block_1_1' title="bbox 170 221 609 253">
    <p class='ocr_par' id='par_1_1' lang='swe' title="bbox 170 221 609 253">
     <span class='ocr_line' id='line_1_1' title="bbox 170 221 609 253; baseline 0.011 -10; x_size 30; x_descenders 7; x_ascenders 7">
      <span class='ocrx_word' id='word_1_1' title='bbox 170 221 294 244; x_wconf 92'>Kommun-</span>
      <span class='ocrx_word' id='word_1_2' title='bbox 303 222 345 245; x_wconf 93'>&amp;</span>
      <span class='ocrx_word' id='word_1_3' title='bbox 355 223 609 253; x_wconf 91'>&quot;Ö&#39;</span>
     </span>
    </p>
   </div>
   <div class='ocr_photo' id='block_1_2' title="bbox 0 300 100 400"></div>
   <div class='ocr_carea' id='block_1_3' title="bbox 149 400 1463 470">
    <p class='ocr_par' id='par_1_2' lang='swe' title="bbox 149 400 1463 470">
     <span class='ocr_header' id='line_1_2' title="bbox 149 400 1463 430; baseline -0.01 -6; x_size 30">
      <span class='ocrx_word' id='word_1_4' title='bbox 149 400 300 430; x_wconf 60'><strong>Rubrik</strong></span>
     </span>
     <span class='ocr_line' id='line_1_3' title="bbox 149 440 400 470; baseline 0 -5; x_size 30">
      <span class='ocrx_word' id='word_1_5' title='bbox 149 440 400 470; x_wconf 95'>text</span>
     </span>
    </p>
   </div>
  </div>
`;

describe('hOCR pages', () => {
  it('reads blocks, paragraphs, lines and words with boxes, confidences and baselines', () => {
    const page = parseHocrPage(PAGE);
    expect(page.blocks!.map((b) => b.paragraphs.map((p) => p.lines.map((l) => l.words.map((w) => w.text))))).toEqual([
      [[['Kommun-', '&', '"Ö\'']]],
      // the photo block holds no words and is left out
      [[['Rubrik'], ['text']]],
    ]);
    const first = page.blocks![0]!.paragraphs[0]!.lines[0]!;
    expect(first.bbox).toEqual({ x0: 170, y0: 221, x1: 609, y1: 253 });
    expect(first.words[1]).toEqual({ text: '&', confidence: 93, bbox: { x0: 303, y0: 222, x1: 345, y1: 245 } });
    // baseline 0.011 -10: 10 px above the box's bottom at its left edge, rising 0.011 px per px to the right.
    expect(first.baseline!.x0).toBe(170);
    expect(first.baseline!.y0).toBe(243);
    expect(first.baseline!.y1).toBeCloseTo(243 + 0.011 * 439, 6);
    // Tesseract's MeanTextConf: the integer mean of the word confidences.
    expect(page.confidence).toBe(Math.floor((92 + 93 + 91 + 60 + 95) / 5));
    expect(pageLines(page, 1).lines.map((l) => l.text)).toEqual(['Kommun- & "Ö\'', 'Rubrik', 'text']);
  });

  it('reads an empty page as no blocks and confidence 0', () => {
    expect(parseHocrPage("<div class='ocr_page' id='page_2' title='bbox 0 0 10 10'>\n</div>")).toEqual({ blocks: [], confidence: 0 });
  });

  it('takes a page from a stream only once its closing tag has arrived', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<html><body>\n';
    const stream = head + PAGE + PAGE.replace(/page_1/g, 'page_2');
    const cut = head.length + PAGE.length - 10;
    expect(takePage(stream.slice(0, cut))).toBeNull();
    const first = takePage(stream)!;
    expect(first.page).toBe(PAGE.trim().replace(/\n$/, ''));
    const second = takePage(first.rest)!;
    expect(second.page).toContain("id='page_2'");
    expect(takePage(second.rest)).toBeNull();
  });
});
