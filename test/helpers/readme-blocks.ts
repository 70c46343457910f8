/**
 * The fenced code blocks of a Markdown document in one language (```sh, ```ts ...), in order;
 * with `section`, only those under that heading (up to the next heading of the same or a higher
 * level). Used by the tests that run README's examples as written.
 */
export function readmeBlocks(markdown: string, language: string, section?: string): string[] {
  let text = markdown;
  if (section) {
    const start = text.indexOf(`\n${section}\n`);
    if (start < 0) throw new Error(`no heading "${section}"`);
    const level = section.match(/^#+/)?.[0].length ?? 2;
    const rest = text.slice(start + section.length + 2);
    const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
    text = end < 0 ? rest : rest.slice(0, end);
  }
  const blocks: string[] = [];
  const fence = new RegExp('^```' + language + '[ \\t]*\\n([\\s\\S]*?)^```[ \\t]*$', 'gm');
  for (const m of text.matchAll(fence)) blocks.push(m[1]);
  return blocks;
}
