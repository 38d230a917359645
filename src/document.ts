// The in-flight document: pages of lines with provenance, plus the messages every stage reports on it.
import type { Box, PageInfo, PageSize, Repair, Warning } from './schema/minutes.js';

export type InputFormat = 'pdf' | 'image' | 'text';

/** One physical line as read, before any cleaning. `line` is 1-based within its page. */
export interface RawLine {
  text: string;
  page: number;
  line: number;
  /** OCR word-confidence mean for the line (0–100), null for text layers and plain text. */
  confidence: number | null;
  /** Layout hint from geometry (PDF, OCR): a vertical gap larger than the line pitch precedes the line. */
  gapBefore?: boolean;
  /** Layout hint from geometry: the line runs to the right margin, so it probably continues on the next. */
  wrapped?: boolean;
  /**
   * Where each tab-separated cell of `text` starts, in character widths from the page's left margin, when the
   * reader knows positions (PDF text layers, OCR). Plain text leaves it out: its space runs are its positions.
   */
  columns?: number[];
  /** Where the line stands on its page, in the page's `size` unit (PDF text layers and OCR); absent for plain text. */
  box?: Box | null;
}

export interface RawPage {
  number: number;
  lines: RawLine[];
  source: PageInfo['text'];
  ocrConfidence: number | null;
  /** Plain text that another program made by OCR: the clean stage treats its lines as OCR'd. */
  ocrText?: boolean;
  /** The page's size, which its lines' boxes are measured in; absent for plain text. */
  size?: PageSize | null;
  /** The engine, version and language that read an OCR'd page. */
  ocr?: PageInfo['ocr'];
}

/** One cell of a row: text set apart from its neighbours by a column gap, and where it starts on the page. */
export interface Cell {
  text: string;
  /** Left edge in character widths from the page's left margin (plain text: the character column). */
  x: number;
}

/**
 * A line after cleaning: layout marks are gone and recorded as flags, so segmentation rules see content only.
 * Provenance (page, line) always points at the raw line the text came from.
 */
export interface Line {
  /** The row's cells joined by tabs; a rule that changes the text changes `cells` with it (see `setCells`). */
  text: string;
  /** The row as cells with their positions, for rules that read columns and label/value pairs. */
  cells: Cell[];
  page: number;
  line: number;
  /** Markdown-style heading level (`##` → 2) or 0. */
  heading: number;
  /** The whole line was emphasised (`**…**`), which minutes use for headings. */
  bold: boolean;
  /** Set when the line is page furniture (running header, "Justerandes sign", page numbers): the rule that said so. */
  furniture: string | null;
  /** A blank line (or a vertical gap in a PDF) precedes this line. */
  gapBefore: boolean;
  /** The line was broken by the page width and continues on the next line. */
  wrapped: boolean;
  /** The line was read by OCR, so OCR's typical confusions (§ read as 8 or $) are worth considering. */
  ocr: boolean;
  /** OCR's mean word confidence for the raw line (0–100), null where no OCR read it: a low one is a garbled line. */
  confidence: number | null;
  /** The raw line's box on its page (see RawLine.box), carried so that `source` can point at it; null for plain text. */
  box: Box | null;
}

/** Replaces a line's cells and keeps `text` in step with them. */
export function setCells(line: Line, cells: Cell[]): void {
  line.cells = cells;
  line.text = cells.map((c) => c.text).join('\t');
}

export interface DocumentMessages {
  warnings: Warning[];
  repairs: Repair[];
}

export interface InputDocument {
  file: string;
  sha256: string;
  format: InputFormat;
  pages: RawPage[];
  warnings: Warning[];
}

export function warning(code: string, message: string, at?: { page: number; line: number } | null): Warning {
  return { code, message, page: at?.page ?? null, line: at?.line ?? null };
}
