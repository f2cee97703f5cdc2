/** Files out of the page: an SVG text as a PNG (canvas, 2× by default) and a download. */

/** Draw an SVG document onto a canvas at `scale` and return it as a PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.width = width;
  img.height = height;
  // A data: URL keeps the image same-origin, so the canvas stays readable.
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gives no 2D canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
  );
}

/** Save a blob under a file name (an object URL behind a clicked `<a download>`). */
export function downloadBlob(blob: Blob, name: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * `sockscope-fragment-fragments.svg`: the lab, then the diagram's name, in plain file-name
 * characters; a language other than English is kept in the name (`…-fragments.zh-CN.svg`).
 */
export function exportFileName(lab: string, diagram: string, ext: 'svg' | 'png', lang = 'en'): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const tag = lang === 'en' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? '' : `.${lang}`;
  return `${['sockscope', slug(lab) || 'lab', slug(diagram)].filter(Boolean).join('-')}${tag}.${ext}`;
}
