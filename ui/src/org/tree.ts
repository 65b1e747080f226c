import type { OrgUnitView } from '@sss/contracts/organization/schemas';

/** Units in a flat list → nested, each level in sort order; a unit whose parent is not shown becomes a root. */
export interface OrgNode {
  unit: OrgUnitView;
  children: OrgNode[];
}

export function buildTree(units: readonly OrgUnitView[]): OrgNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const order = (list: OrgNode[]) => {
    list.sort((a, b) => a.unit.sortOrder - b.unit.sortOrder || a.unit.code.localeCompare(b.unit.code));
    for (const node of list) order(node.children);
    return list;
  };
  return order(roots);
}
