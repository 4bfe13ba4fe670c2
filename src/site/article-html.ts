/**
 * Article paragraphs → HTML through unified: an mdast tree is built directly from the parsed
 * paragraphs (article text is never run through a Markdown or HTML parser, so `<script>` or
 * `*stars*` in a source file stay literal text), then remark-rehype and rehype-stringify
 * produce HTML in which every character of article text is escaped.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Paragraph, Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkRehype).use(rehypeParagraphAnchors).use(rehypeStringify);

/**
 * Renders body paragraphs to an HTML fragment of `<p>` elements.
 *
 * @param paragraphs - body paragraphs as plain text
 */
export function articleToHtml(paragraphs: readonly string[]): string {
  const tree: MdastRoot = { type: 'root', children: paragraphs.map(toParagraph) };
  const hast = processor.runSync(tree);
  return processor.stringify(hast);
}

function toParagraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

/**
 * Gives each paragraph a stable id (`p1`, `p2`, …) so readers can link to a paragraph and
 * search results can jump to it.
 */
function rehypeParagraphAnchors() {
  return (tree: HastRoot): void => {
    let count = 0;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'p') {
        count += 1;
        (node as Element).properties['id'] = `p${count}`;
      }
    }
  };
}
