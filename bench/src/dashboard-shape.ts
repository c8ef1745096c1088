/** What a partner dashboard answer holds: its organizations, and their devices on the page. */
interface DashboardData {
  organizations: { nodes: { devices: { nodes: unknown[] } | null }[] };
}

export function dashboardShape(data: unknown): { organizations: number; devices: number } {
  const nodes = (data as DashboardData).organizations.nodes;
  return { organizations: nodes.length, devices: nodes.reduce((sum, node) => sum + (node.devices?.nodes.length ?? 0), 0) };
}
