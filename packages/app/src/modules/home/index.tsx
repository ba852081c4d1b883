import {
  createFrontendModule,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

/** `/` opens the fleet page. */
const homeRedirectPage = PageBlueprint.make({
  name: 'home',
  params: {
    path: '/',
    noHeader: true,
    loader: () => import('./HomeRedirect').then(m => <m.HomeRedirect />),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [homeRedirectPage],
});
