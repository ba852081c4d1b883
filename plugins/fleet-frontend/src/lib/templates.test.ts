import { DAY2_TEMPLATES } from '../constants';
import { day2TemplateUrl } from './templates';

describe('day2TemplateUrl', () => {
  it('pre-fills the cluster name and namespace', () => {
    const url = day2TemplateUrl(DAY2_TEMPLATES.k0sUpgrade, {
      management: 'mgmt-eu',
      namespace: 'kcm-system',
      name: 'edge-fra-01',
    });
    expect(url).toBe(
      '/create/templates/default/k0s-upgrade?formData=%7B%22cluster%22%3A%22edge-fra-01%22%2C%22namespace%22%3A%22kcm-system%22%7D',
    );
    const formData = new URL(url, 'http://portal').searchParams.get('formData');
    expect(JSON.parse(formData!)).toEqual({
      cluster: 'edge-fra-01',
      namespace: 'kcm-system',
    });
  });
});
