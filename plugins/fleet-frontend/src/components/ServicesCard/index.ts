export { ServicesCard } from './ServicesCard';
