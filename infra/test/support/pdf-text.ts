/** The text of every page of a PDF (pdfjs-dist), for tests that check what a document says. */
export async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return pages.join('\n');
}

/** Embedded font names (a PDF that shows Japanese must carry its font, not rely on the reader's). */
export function embeddedFonts(buffer: Buffer): string[] {
  return [...buffer.toString('latin1').matchAll(/\/FontFile2\s/g)].map((m) => m[0]);
}
