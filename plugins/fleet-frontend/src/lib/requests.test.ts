import { mergedUpgrade } from '../__fixtures__/requests';
import { responseError } from '../__testUtils__/responses';
import { entityRefName, mergeErrorText, mergedText } from './requests';

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
});
