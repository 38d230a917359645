// OCR reads the section sign as a dollar sign ("$ 784", "$$ 784-796"); in OCR'd Swedish minutes a dollar before a number is a §.

export function restoreSectionSigns(text: string): string {
  return text
    // "88 784-796" and "$$ 784-796": a doubled sign before a paragraph range
    .replace(/^(\s*)(?:88|\$\$|\$8)\s?(?=\d+\s*[-–]\s*\d)/, '$1§§ ')
    // "$8784 Mötets öppnande": the sign read as "$8"
    .replace(/^(\s*)\$8(?=\d{3})/, '$1§')
    .replace(/(^|[\s(])\$\$\s?(?=\d)/g, '$1§§ ')
    .replace(/(^|[\s(])\$\s?(?=\d)/g, '$1§');
}
