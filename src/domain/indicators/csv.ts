/** CSV as French spreadsheets expect it: UTF-8 with a byte-order mark, `;` between fields, CRLF line ends. */

const BOM = '\uFEFF';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Decimal comma, as a French spreadsheet reads numbers.
  const text = typeof value === 'number' ? String(value).replace('.', ',') : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
