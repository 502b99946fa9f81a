const KB = 1024;
const MB = KB * KB;
const GB = MB * KB;

/** "840 bytes", "12 KB", "3.4 MB", "11.0 GB": space in the browser's storage, read at a glance. */
export function describeSize(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  if (bytes < GB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${(bytes / GB).toFixed(1)} GB`;
}
