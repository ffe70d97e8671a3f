import { safeFileName } from '../../shared/file-names';

/** Hands a text file to the browser's download (the main process decides where it is saved). */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  downloadBlob(fileName, new Blob([text], { type: mimeType }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  // The name suggested to the save dialog: never a bidi override or a control character (issue 14).
  link.download = safeFileName(fileName);
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the object URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV for Excel: a UTF-8 byte order mark, or Polish letters come out garbled. */
export function downloadCsv(fileName: string, csv: string): void {
  const withBom = csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
  downloadText(fileName, withBom, 'text/csv;charset=utf-8');
}

/** Hands binary bytes (sent base64 over the bridge, e.g. an XLSX file) to the browser's download. */
export function downloadBase64(fileName: string, base64: string, mimeType: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type: mimeType }));
}
