// OCR reads the section sign as a dollar sign ("$ 784", "$$ 784-796"); in OCR'd Swedish minutes a dollar before a number is a §.

export function restoreSectionSigns(text: string): string {
  return text.replace(/(^|[\s(])\$\$\s?(?=\d)/g, '$1§§ ').replace(/(^|[\s(])\$\s?(?=\d)/g, '$1§');
}
