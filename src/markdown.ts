/**
 * The one way text reaches the job summary's Markdown (plan, apply, destroy and the verification report), so
 * that GitHub shows it as written: `<the account …>` would otherwise be taken for an HTML tag and vanish, a `|`
 * would split a table cell, a `*` or `_` would start emphasis, and a long comma-joined label list would push the
 * table wider than the page.
 */

/**
 * Text in a table cell or a line: HTML and Markdown characters escaped, one line, breakable after commas. A pair
 * of backticks (`default`) still marks inline code, as the step descriptions use it.
 */
export function mdText(text: string): string {
  return text
    .split(/`([^`\r\n]+)`/)
    .map((part, i) => (i % 2 ? mdCode(part) : escapeText(part)))
    .join('');
}

function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]~|]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/,(?=\S)/g, ',<wbr>');
}

/**
 * Text as inline code in a table cell or a line. A code span shows `<`, `>` and `&` literally, so they are not
 * escaped; its delimiter is longer than any run of backticks inside, and `|` is escaped for the table.
 */
export function mdCode(text: string): string {
  const one = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  const pad = /^`|`$|^ .* $/.test(one) || one.startsWith('`') ? ' ' : '';
  return `${ticks}${pad}${one.replace(/\|/g, '\\|')}${pad}${ticks}`;
}

/** A fenced code block whose fence no line of `text` can close early. */
export function mdFence(text: string, lang = ''): string {
  const longest = Math.max(2, ...(text.match(/^ {0,3}`+/gm) ?? []).map((run) => run.trim().length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.trimEnd()}\n${fence}`;
}
