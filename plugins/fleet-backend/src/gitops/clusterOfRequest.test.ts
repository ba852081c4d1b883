import type { ClusterSummary } from '@fleet-portal/plugin-fleet-common';
import { clusterOfRequest } from './clusterOfRequest';

const summary = (management: string, namespace: string, name: string) =>
  ({ ref: { management, namespace, name } } as ClusterSummary);

const fleet = [
  summary('mgmt-a', 'team-risk', 'tooling-1'),
  summary('mgmt-b', 'team-risk', 'tooling-1'),
  summary('mgmt-a', 'team-trading', 'tooling-1'),
  summary('mgmt-a', 'team-trading', 'edge-1'),
];

describe('clusterOfRequest', () => {
  it('ties a request to the one cluster its name, namespace and management cluster name', () => {
    expect(
      clusterOfRequest(
        { cluster: 'tooling-1', namespace: 'team-risk', management: 'mgmt-b' },
        fleet,
      ),
    ).toEqual({ summary: fleet[1], ambiguous: false });
    expect(clusterOfRequest({ cluster: 'edge-1' }, fleet)).toEqual({
      summary: fleet[3],
      ambiguous: false,
    });
  });

  it('ties one that several clusters answer to to none', () => {
    expect(
      clusterOfRequest({ cluster: 'tooling-1', namespace: 'team-risk' }, fleet),
    ).toEqual({ summary: undefined, ambiguous: true });
    expect(clusterOfRequest({ cluster: 'tooling-1' }, fleet)).toEqual({
      summary: undefined,
      ambiguous: true,
    });
  });

  it('says when no cluster answers', () => {
    expect(clusterOfRequest({ cluster: 'gone-1' }, fleet)).toEqual({
      summary: undefined,
      ambiguous: false,
    });
  });
});
