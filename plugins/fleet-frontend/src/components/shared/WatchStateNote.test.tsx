import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { WatchStateNote } from './WatchStateNote';

describe('WatchStateNote', () => {
  it('says a cluster is watched when every resource is (an absent CRD aside)', async () => {
    await renderInTestApp(
      <WatchStateNote
        watch={[
          {
            resource: 'nodes of cluster m/ns/a',
            phase: 'watching',
            since: '2026-12-04T10:00:00Z',
          },
          {
            resource: 'NodeOpUpgrades of cluster m/ns/a',
            phase: 'polling',
            since: '2026-12-04T10:00:00Z',
            reason: 'not-installed',
          },
        ]}
      />,
    );
    expect(screen.getByTestId('fleet-watch-state')).toHaveTextContent(
      'watched',
    );
  });

  it('names a resource that is polled instead, and why', async () => {
    await renderInTestApp(
      <WatchStateNote
        watch={[
          {
            resource: 'nodes of cluster m/ns/a',
            phase: 'polling',
            since: '2026-12-04T10:00:00Z',
            reason: 'watch-refused',
            message:
              'the server refuses to watch nodes of cluster m/ns/a (HTTP 403)',
          },
        ]}
      />,
    );
    expect(screen.getByTestId('fleet-watch-state')).toHaveTextContent(
      'nodes of cluster m/ns/a: listed at intervals instead of watched (the server refuses to watch nodes of cluster m/ns/a (HTTP 403))',
    );
  });

  it('shows nothing for a polled fleet', async () => {
    await renderInTestApp(<WatchStateNote />);
    expect(screen.queryByTestId('fleet-watch-state')).toBeNull();
  });
});
