/**
 * Cache keys for Astro's incremental builds: a page is re-rendered only when the key of the
 * data it renders changes (its template code is tracked by Astro itself). Pages render only
 * their props, so the key of the props decides.
 *
 * The same article objects appear in many pages' props (an article page, its story, topic,
 * source and archive listings), so each object's digest is computed once and remembered by
 * identity; a whole site's keys then cost about one pass over its data.
 */
import { createHash } from 'node:crypto';

/**
 * Returns a function giving a digest of a value that changes whenever anything a page could
 * render from it changes: every string, number, array order, object key and value, Set and
 * Map entry. Use one per `getStaticPaths` call; the data must not change while it is in use
 * (object digests are remembered).
 *
 * The returned function throws a TypeError for a function, symbol or class instance, whose
 * rendering a digest cannot see: ignoring them could reuse a stale page.
 */
export function createCacheKeys(): (props: unknown) => string {
  const digests = new WeakMap<object, string>();
  return (props) => digest(props, digests);
}

function digest(value: unknown, digests: WeakMap<object, string>): string {
  if (value === undefined) return 'u';
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object') throw new TypeError(`cache keys cannot digest a ${typeof value}`);
  const known = digests.get(value);
  if (known !== undefined) return known;
  const hash = createHash('sha256')
    .update(serialize(value, (child) => digest(child, digests)))
    .digest('base64url');
  digests.set(value, hash);
  return hash;
}

/** One level of `value`, with children as their digests. */
function serialize(value: object, child: (item: unknown) => string): string {
  if (Array.isArray(value)) return `[${value.map(child).join(',')}]`;
  if (value instanceof Set) return `Set[${[...value].map(child).join(',')}]`;
  if (value instanceof Map)
    return `Map[${[...value].map(([key, item]) => `${child(key)}:${child(item)}`).join(',')}]`;
  if (value instanceof Date) return `Date(${value.getTime()})`;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    throw new TypeError(`cache keys cannot digest an instance of ${value.constructor.name}`);
  return `{${Object.entries(value)
    .map(([key, item]) => `${JSON.stringify(key)}:${child(item)}`)
    .join(',')}}`;
}

/**
 * Adds a `cacheKey` covering params and props to every path of a `getStaticPaths` result,
 * so Astro's incremental build re-renders a path only when what it shows changed.
 *
 * @param paths - the route's paths
 */
export function withCacheKeys<Path extends { params: object; props: object }>(
  paths: readonly Path[],
): (Path & { cacheKey: string })[] {
  const key = createCacheKeys();
  return paths.map((path) => ({ ...path, cacheKey: key([path.params, path.props]) }));
}
