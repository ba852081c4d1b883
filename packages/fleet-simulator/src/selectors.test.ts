import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';

const labels = {
  app: 'web',
  tier: 'front',
  'fleetportal.io/cluster': 'trading-eu-1',
  empty: '',
};
const selects = (selector: string) =>
  matchesLabels(parseLabelSelector(selector), labels);

describe('label selectors', () => {
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app = web', true],
    ['app=api', false],
    ['app!=api', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (web,api)', true],
    ['app in (api, db)', false],
    ['app notin (api)', true],
    ['app notin (web, api)', false],
    ['missing notin (x)', true],
    ['missing in (x)', false],
    ['tier', true],
    ['missing', false],
    ['!missing', true],
    ['!tier', false],
    ['! tier', false],
    ['empty=', true],
    ['fleetportal.io/cluster=trading-eu-1', true],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['app in (web,api),!missing,fleetportal.io/cluster', true],
  ])('%s → %s', (selector, expected) => {
    expect(selects(selector)).toBe(expected);
  });

  it.each([
    'app in ()',
    'a=b=c',
    'app in (web',
    'bad key!=x',
    '-app=x',
    'app=-x-',
    ',',
  ])('rejects %s', selector => {
    expect(() => parseLabelSelector(selector)).toThrow(SelectorError);
  });

  it('treats no labels as an empty set', () => {
    expect(matchesLabels(parseLabelSelector('!a'), undefined)).toBe(true);
    expect(matchesLabels(parseLabelSelector('a'), undefined)).toBe(false);
  });
});

describe('field selectors', () => {
  const meta = { name: 'n1', namespace: 'team-risk' };
  it.each([
    ['metadata.name=n1', true],
    ['metadata.name==n1', true],
    ['metadata.name!=n1', false],
    ['metadata.namespace=team-risk,metadata.name=n1', true],
    ['metadata.namespace=team-trading', false],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesFields(parseFieldSelector(selector), meta)).toBe(expected);
  });

  it('supports only metadata.name and metadata.namespace', () => {
    expect(() => parseFieldSelector('spec.nodeName=x')).toThrow(
      /not supported/,
    );
    expect(() => parseFieldSelector('metadata.name')).toThrow(SelectorError);
  });
});
