// Text that some other program made by OCR and saved as plain text: its § signs come out as 8, S or $.

/**
 * Paragraph headings as OCR writes them: "SN 81" for "SN § 1", "SN S 2", "§ 3" read as "$ 3" or "8 3". A text without
 * a single § but with several such lines in rising order was read by OCR; the clean stage then applies its OCR repairs.
 */
const OCR_PARAGRAPH = /^(?:[A-ZÅÄÖ]{1,6}\s+)?(?:8\s?|S\s|\$\s?|SS\s|88\s?)(\d{1,4})(?:\s|$)/;

export function looksOcrText(text: string): boolean {
  if (text.includes('§')) return false;
  const numbers: number[] = [];
  for (const line of text.split('\n')) {
    const m = OCR_PARAGRAPH.exec(line.trim());
    if (m) numbers.push(Number(m[1]));
  }
  if (numbers.length < 2) return false;
  // Either the numbers rise as paragraphs do, or the bare digits read as "8N" rise: "81", "82" for § 1, § 2.
  const rising = (ns: number[]) => ns.filter((n, k) => k > 0 && n > ns[k - 1]! && n - ns[k - 1]! <= 3).length >= Math.min(2, ns.length - 1);
  return rising(numbers);
}
