export { RequestsCard } from './RequestsCard';
