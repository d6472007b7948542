// Content-Disposition for downloads (evidence, exports): an ASCII fallback name for old clients and
// the real UTF-8 name (Kazakh, Russian) per RFC 6266 / RFC 5987.
export function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  // RFC 5987 leaves out a few characters encodeURIComponent keeps.
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
