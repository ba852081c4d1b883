export { K0sVersionCard } from './K0sVersionCard';
