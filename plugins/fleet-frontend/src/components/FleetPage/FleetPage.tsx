import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { FleetClusters } from './FleetClusters';
import { FleetRequests } from './FleetRequests';

/**
 * The `/fleet` page: the fleet's clusters, filtered and paged on the server, with a summary of
 * the whole fleet; and at `/fleet/requests` the templates' open requests.
 */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Fleet"
        subtitle="k0rdent clusters, Kairos nodes and bindy DNS records"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Clusters">
          <FleetClusters />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/requests" title="Requests">
          <FleetRequests />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
