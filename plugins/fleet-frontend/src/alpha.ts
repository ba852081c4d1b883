/**
 * Fleet Portal for the new frontend system: the fleet API, the `/fleet` page (with its "Fleet"
 * nav item and its requests tab) and the cluster entity cards.
 *
 * @packageDocumentation
 */
import { fleetPlugin } from './alpha/plugin';

export default fleetPlugin;
export { fleetRootRouteRef } from './alpha/extensions';
