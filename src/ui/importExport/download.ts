/** Characters no common file system accepts in a name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go.
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;
/** Long enough for any real map name, short enough for every file system with room to spare. */
const MAX_NAME_LENGTH = 100;
/** Names Windows reserves for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** `<map name>.<extension>`, made safe to save on any system; "map" when nothing is left. */
export function fileNameFor(mapName: string, extension: string): string {
  const cleaned = mapName
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .trim()
    // Leading dots hide the file on Unix; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, MAX_NAME_LENGTH)
    .trim();
  const base = cleaned === '' || RESERVED.test(cleaned) ? 'map' : cleaned;
  return `${base}.${extension}`;
}

/**
 * Hands a file to the browser's download. The object URL is released a little later: revoking
 * it at once can cancel the download in some browsers.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}
