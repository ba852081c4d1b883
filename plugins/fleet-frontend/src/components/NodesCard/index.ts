export { NodesCard } from './NodesCard';
