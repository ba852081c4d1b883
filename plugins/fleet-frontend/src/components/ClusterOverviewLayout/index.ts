export { ClusterOverviewLayout } from './ClusterOverviewLayout';
export type { OverviewCard } from './ClusterOverviewLayout';
