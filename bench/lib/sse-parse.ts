/** The data of each complete SSE message in `buf` (messages without data skipped), and the incomplete rest. */
function takeMessages(buf: string): { data: string[]; rest: string } {
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

/**
 * A stream reader's state in one closure: feed it chunks as they come; it
 * calls `connected` once, at the first message, and `onData` with each one.
 */
export function messageFeed(connected: () => void, onData: (data: string) => void): (chunk: string) => void {
  let buf = '';
  let first = true;
  return (chunk) => {
    const { data: messages, rest } = takeMessages(buf + chunk);
    buf = rest;
    for (const data of messages) {
      if (first) {
        first = false;
        connected();
      }
      onData(data);
    }
  };
}
