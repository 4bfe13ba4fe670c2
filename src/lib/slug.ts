/** URL slugs: lowercase ASCII `[a-z0-9-]`, stable for the same title, unique across the site. */
import slugify from '@sindresorhus/slugify';

const MAX_SLUG_LENGTH = 96;

/**
 * The slug a title would get on its own, before uniqueness is enforced. Apostrophes are dropped
 * rather than turned into hyphens ("Russia’s" → "russias"), and long slugs are cut at a hyphen.
 *
 * @param title - the display title
 */
export function baseSlug(title: string): string {
  const slug = slugify(title.replace(/[’'‘`]/g, ''), { lowercase: true, decamelize: false });
  const ascii = slug
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (ascii.length === 0) return 'article';
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH);
}

/**
 * Gives every item a unique slug. Items that share a base slug are ordered by their key (the
 * source file path), never by file-system order, so the same input always gets the same URLs;
 * the first keeps the base slug and the others get `-2`, `-3`, …
 *
 * @param items - one entry per article: a stable key, its title and any slug its front matter asks for
 * @returns slug by key
 */
export function assignSlugs(
  items: { key: string; title: string; slug?: string | undefined }[],
): Map<string, string> {
  const sorted = [...items].sort((a, b) => compareStrings(a.key, b.key));
  const used = new Set<string>();
  const slugs = new Map<string, string>();
  const clashing: { key: string; base: string }[] = [];
  // First pass: every base slug goes to its first claimant, so a title whose own slug is
  // "election-2" keeps it even when two "Election" articles also exist.
  for (const { key, title, slug: requested } of sorted) {
    const base = baseSlug(requested ?? title);
    if (used.has(base)) clashing.push({ key, base });
    else {
      used.add(base);
      slugs.set(key, base);
    }
  }
  for (const { key, base } of clashing) {
    let suffix = 2;
    while (used.has(`${base}-${suffix}`)) suffix += 1;
    const slug = `${base}-${suffix}`;
    used.add(slug);
    slugs.set(key, slug);
  }
  return slugs;
}

/** Code-point order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
