/** Text for HTML and XML (SVG) content and attribute values: every markup character escaped. */
export function escapeXml(v: unknown): string {
  return String(v ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
