/**
 * RFC 4180 with the given separator: a quoted cell may hold the separator, a doubled " or line breaks; a line ends at
 * \n or \r\n. An empty line is an empty row. (The exports write `;`, the reference CSVs `,`.)
 */
export function parseCsv(text: string, separator: ';' | ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row.length === 1 && row[0] === '' ? [] : row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === separator) {
      endCell();
    } else if (!quoted && c === '\n') {
      endRow();
    } else if (quoted || c !== '\r') {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
