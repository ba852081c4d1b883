export { DnsSyncCard } from './DnsSyncCard';
