/** The data of each complete SSE message in `buf` (messages without data skipped), and the incomplete rest. */
export function takeMessages(buf: string): { data: string[]; rest: string } {
  const data: string[] = [];
  let i;
  while ((i = buf.indexOf('\n\n')) >= 0) {
    const block = buf.slice(0, i);
    buf = buf.slice(i + 2);
    const d = block
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trimStart())
      .join('\n');
    if (d) data.push(d);
  }
  return { data, rest: buf };
}
