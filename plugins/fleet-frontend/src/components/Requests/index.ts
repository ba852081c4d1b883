export { RequestsView } from './RequestsView';
export type { RequestsViewProps } from './RequestsView';
