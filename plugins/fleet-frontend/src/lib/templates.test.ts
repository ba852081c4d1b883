import { DAY2_TEMPLATES } from '../constants';
import { day2TemplateUrl } from './templates';

describe('day2TemplateUrl', () => {
  it('pre-fills the cluster name, namespace and management cluster', () => {
    const url = day2TemplateUrl(DAY2_TEMPLATES.k0sUpgrade, {
      management: 'mgmt-eu',
      namespace: 'kcm-system',
      name: 'edge-fra-01',
    });
    expect(
      url.startsWith('/create/templates/default/k0s-upgrade?formData='),
    ).toBe(true);
    const formData = new URL(url, 'http://portal').searchParams.get('formData');
    expect(JSON.parse(formData!)).toEqual({
      cluster: 'edge-fra-01',
      namespace: 'kcm-system',
      management: 'mgmt-eu',
    });
  });
});
