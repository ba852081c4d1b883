import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

/** What the fake fleet answers: the ClusterTemplates k0rdent offers each cluster, by `<ns>/<name>`. */
export const FAKE_FLEET_UPGRADES: Record<string, string[]> = {
  'kcm-system/prod-eu1': ['vsphere-standalone-cp-1-0-43'],
};

/**
 * The fleet backend's routes the scaffolder actions ask, as the fleet plugin answers them, for
 * the template tests: one management cluster `mgmt`, clusters with the upgrades above, and no
 * ClusterTemplate with a values schema (so the bundled schemas apply).
 */
export const fakeFleetPlugin = createBackendPlugin({
  pluginId: 'fleet',
  register(env) {
    env.registerInit({
      deps: { http: coreServices.httpRouter },
      async init({ http }) {
        http.use((req: any, res: any, next: () => void) => {
          const send = (status: number, body: unknown) =>
            res.status(status).json(body);
          if (req.method !== 'GET') return next();
          if (req.path === '/management')
            return send(200, { items: [{ id: 'mgmt' }] });
          const cluster = /^\/clusters\/mgmt\/([^/]+)\/([^/]+)$/.exec(req.path);
          const upgrades = cluster
            ? FAKE_FLEET_UPGRADES[`${cluster[1]}/${cluster[2]}`]
            : undefined;
          if (cluster && upgrades) {
            return send(200, {
              id: `mgmt/${cluster[1]}/${cluster[2]}`,
              ref: {
                management: 'mgmt',
                namespace: cluster[1],
                name: cluster[2],
              },
              k0s: { availableUpgrades: upgrades },
              k0sVersions: {
                running: [],
                availableUpgrades: { value: upgrades },
              },
            });
          }
          return send(404, {
            error: {
              name: 'NotFoundError',
              message: `the fake fleet does not hold ${req.path}`,
            },
          });
        });
      },
    });
  },
});
