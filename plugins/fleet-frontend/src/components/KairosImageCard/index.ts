export { KairosImageCard } from './KairosImageCard';
