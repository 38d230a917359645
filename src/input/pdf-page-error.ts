// A PDF page that cannot be read: the page is skipped with a warning of this code, and the rest of the document goes on.

/** The warning codes a skipped PDF page can carry; each is listed in the README's bad-input table. */
export type PdfPageProblem =
  | 'pdf-page-damaged'
  | 'pdf-page-timeout'
  | 'pdf-page-memory'
  | 'page-too-large'
  | 'page-too-small';

export class PdfPageError extends Error {
  readonly code: PdfPageProblem;
  readonly page: number;

  constructor(code: PdfPageProblem, page: number, message: string) {
    super(message);
    this.name = 'PdfPageError';
    this.code = code;
    this.page = page;
  }
}
