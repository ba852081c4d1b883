import {
  GitopsRequestItem,
  RequestState,
} from '@fleet-portal/plugin-fleet-common';
import { k0sUpgradeRequest, mergedUpgrade } from '../__fixtures__/requests';
import { responseError } from '../__testUtils__/responses';
import {
  entityRefName,
  mergeErrorText,
  mergedText,
  requestsForCard,
} from './requests';

describe('requests', () => {
  it('names the merge commit by its short hash', () => {
    expect(mergedText(mergedUpgrade)).toBe(
      'Merged as abcdef0: Flux applies it at its next sync',
    );
  });

  it('gives the server message of a refused merge, or the missing permission', async () => {
    expect(mergeErrorText(await responseError(500, 'disk full'))).toBe(
      'disk full',
    );
    expect(mergeErrorText(await responseError(403, 'denied'))).toContain(
      'fleet.gitops.merge',
    );
  });

  it('shortens entity refs to their name', () => {
    expect(entityRefName('template:default/k0s-upgrade')).toBe('k0s-upgrade');
    expect(entityRefName('alice')).toBe('alice');
  });

  it("keeps every request on its way on a cluster's card and the newest reconciled ones", () => {
    const at = (branch: string, state: RequestState): GitopsRequestItem => ({
      ...k0sUpgradeRequest,
      branch,
      journey: { ...k0sUpgradeRequest.journey, state },
    });
    const items = [
      at('r1', 'reconciled'),
      at('o1', 'opened'),
      at('r2', 'reconciled'),
      at('f1', 'failed'),
      at('r3', 'reconciled'),
      at('r4', 'reconciled'),
      at('a1', 'applied'),
    ];
    expect(requestsForCard(items).map(i => i.branch)).toEqual([
      'r1',
      'o1',
      'r2',
      'f1',
      'r3',
      'a1',
    ]);
    expect(requestsForCard(items, 0).map(i => i.branch)).toEqual([
      'o1',
      'f1',
      'a1',
    ]);
  });
});
