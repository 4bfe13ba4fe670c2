/**
 * Disjoint sets (union-find) over the items 0 … count − 1, with path compression: how the
 * duplicate and story stages join items into groups without relabelling them.
 */
export class DisjointSets {
  private readonly parent: Int32Array;

  constructor(count: number) {
    this.parent = Int32Array.from({ length: count }, (_, index) => index);
  }

  /** The root of an item's set. */
  find(index: number): number {
    const { parent } = this;
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    let current = index;
    while (parent[current] !== root) {
      const next = parent[current] as number;
      parent[current] = root;
      current = next;
    }
    return root;
  }

  /** Puts the set whose root is `child` under the root `root`: `root` stays the set's root. */
  attach(root: number, child: number): void {
    this.parent[child] = root;
  }

  /** Every set, each in increasing order, sets ordered by their first item. */
  groups(): number[][] {
    const members = new Map<number, number[]>();
    for (let index = 0; index < this.parent.length; index += 1) {
      const root = this.find(index);
      const list = members.get(root);
      if (list) list.push(index);
      else members.set(root, [index]);
    }
    return [...members.values()].sort((g, h) => (g[0] ?? 0) - (h[0] ?? 0));
  }
}
