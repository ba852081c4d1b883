export { GitopsStatus } from './GitopsStatus';
