import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleFleetEntities } from '@fleet-portal/plugin-fleet-backend';
import { fleetDemoModule } from './modules/demoFleet';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@fleet-portal/plugin-scaffolder-backend-module-fleet'));

// User settings (starred entities, preferences) and the signals they are pushed through.
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@fleet-portal/plugin-fleet-backend'));
backend.add(catalogModuleFleetEntities);
backend.add(fleetDemoModule);

// The fleet's actions (backend.actions.pluginSources) as MCP tools at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
