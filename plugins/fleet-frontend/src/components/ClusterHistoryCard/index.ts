export { ClusterHistoryCard } from './ClusterHistoryCard';
