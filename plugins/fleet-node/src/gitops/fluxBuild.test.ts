import { kustomizeAsFlux } from '../testUtils';
import { toYaml, toYamlDocuments } from '../yaml';
import { fileMapOf, FileMap } from './fileMap';
import {
  buildFluxPath,
  FluxBuildError,
  inventoryId,
  ManifestObject,
} from './fluxBuild';
import { GITOPS_AREAS } from './layout';
import { repositorySkeletonFiles } from './repositorySkeleton';

function byId(objects: ManifestObject[]): Record<string, ManifestObject> {
  return Object.fromEntries(objects.map(o => [inventoryId(o), o]));
}

function expectSameBuild(files: FileMap, folder: string) {
  const ours = buildFluxPath(files, folder ? `./${folder}` : './').map(
    b => b.object,
  );
  const theirs = kustomizeAsFlux(files, folder);
  expect(ours.map(inventoryId).sort()).toEqual(theirs.map(inventoryId).sort());
  expect(byId(ours)).toEqual(byId(theirs));
  return ours;
}

const skeleton = repositorySkeletonFiles({
  sourceUrl: 'https://git.example.com/platform/fleet.git',
  defaultBranch: 'main',
});

function configMap(name: string, namespace = 'fleet', data = {}) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace },
    data: { state: 'On', ...data },
  };
}

/** The skeleton plus manifests in every shape an area folder may hold. */
const populated: FileMap = new Map([
  ...skeleton,
  ...fileMapOf({
    'clusters/prod-eu1/clusterdeployment.yaml': toYaml({
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      metadata: { name: 'prod-eu1', namespace: 'kcm-system' },
      spec: { template: 'vsphere-standalone-cp-1-0-42', config: { a: 1 } },
    }),
    'clusters/lab/notes.txt': 'not a manifest\n',
    'clusters/lab/clusterdeployment.yml': toYaml({
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      metadata: { name: 'lab', namespace: 'kcm-system' },
    }),
    // A hand-kept sub-folder with its own kustomization is built as one unit.
    'clusters/legacy/kustomization.yaml': toYaml({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['a.yaml'],
    }),
    'clusters/legacy/a.yaml': toYaml(configMap('legacy-a')),
    'clusters/legacy/unlisted.yaml': toYaml(configMap('legacy-unlisted')),
    'vms/prod-eu1/prod-eu1-worker-1.yaml': `${toYamlDocuments([
      configMap('prod-eu1-worker-1', 'fleet-vms'),
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'prod-eu1-worker-1-cloud-config', namespace: 'x' },
        stringData: { userdata: '#cloud-config\n' },
      },
    ])}---\n`,
    'images/fleet-vms/kairos.yaml': toYaml(configMap('kairos', 'fleet-vms')),
    'images/fleet-edge/kairos.yaml': toYaml(configMap('kairos', 'fleet-edge')),
    'dns/example.com/zone.yaml': toYaml(configMap('example-com', 'dns')),
    'dns/example.com/arecord-api.yaml': toYaml(configMap('api', 'dns')),
  }),
]);

describe('buildFluxPath', () => {
  it('builds the skeleton root as kubectl kustomize does', () => {
    const built = expectSameBuild(skeleton, '');
    expect(built.length).toBe(GITOPS_AREAS.length + 2);
  });

  it.each(GITOPS_AREAS.map(area => area.name))(
    'builds the empty %s folder of the skeleton to nothing, as Flux does',
    name => {
      expect(expectSameBuild(skeleton, name)).toEqual([]);
    },
  );

  it.each(GITOPS_AREAS.map(area => area.name))(
    'builds the %s folder with manifests as kubectl kustomize builds a generated kustomization',
    name => {
      expect(expectSameBuild(populated, name).length).toBeGreaterThan(0);
    },
  );

  it('takes manifests at any depth, both suffixes, and a sub-kustomization as one unit', () => {
    const ids = buildFluxPath(populated, './clusters').map(b =>
      inventoryId(b.object),
    );
    expect(ids.sort()).toEqual([
      'fleet_legacy-a__ConfigMap',
      'kcm-system_lab_k0rdent.mirantis.com_ClusterDeployment',
      'kcm-system_prod-eu1_k0rdent.mirantis.com_ClusterDeployment',
    ]);
    expect(
      buildFluxPath(populated, 'vms').map(b => [b.path, b.object.kind]),
    ).toEqual([
      ['vms/prod-eu1/prod-eu1-worker-1.yaml', 'ConfigMap'],
      ['vms/prod-eu1/prod-eu1-worker-1.yaml', 'Secret'],
    ]);
  });

  /** How buildFluxPath and kubectl kustomize fail on the same files. */
  function failures(files: FileMap, folder: string) {
    const failure = (build: () => unknown) => {
      try {
        build();
      } catch (error) {
        return {
          name: (error as Error).name,
          message: (error as Error).message,
        };
      }
      return undefined;
    };
    return {
      ours: failure(() => buildFluxPath(files, `./${folder}`)),
      kubectl: failure(() => kustomizeAsFlux(files, folder))?.message,
    };
  }

  const KUBECTL_FAILED = expect.stringMatching(/^kubectl kustomize failed/);

  it('refuses a path that does not exist', () => {
    expect(() => buildFluxPath(skeleton, './apps')).toThrow(
      new FluxBuildError(
        'kustomization path not found: apps does not exist in the revision',
      ),
    );
  });

  it('refuses YAML that does not parse, naming the file', () => {
    const files = new Map([
      ...populated,
      ...fileMapOf({ 'dns/example.com/broken.yaml': 'a: [\n' }),
    ]);
    expect(failures(files, 'dns')).toEqual({
      ours: {
        name: 'FluxBuildError',
        message: expect.stringMatching(/^dns\/example\.com\/broken\.yaml: /),
      },
      kubectl: KUBECTL_FAILED,
    });
  });

  it('refuses a document without kind, naming the file and document', () => {
    const files = new Map([
      ...populated,
      ...fileMapOf({
        'images/fleet-vms/two.yaml': `${toYaml(configMap('one'))}---\n${toYaml({
          apiVersion: 'v1',
          metadata: { name: 'two' },
        })}`,
      }),
    ]);
    expect(failures(files, 'images')).toEqual({
      ours: {
        name: 'FluxBuildError',
        message: expect.stringMatching(
          /^images\/fleet-vms\/two\.yaml \(document 2\): missing kind$/,
        ),
      },
      kubectl: KUBECTL_FAILED,
    });
  });

  it('refuses two objects with the same id, naming both files', () => {
    const files = new Map([
      ...populated,
      ...fileMapOf({
        'images/fleet-vms/copy.yaml': toYaml(configMap('kairos', 'fleet-vms')),
      }),
    ]);
    expect(failures(files, 'images')).toEqual({
      ours: {
        name: 'FluxBuildError',
        message: expect.stringMatching(
          /already registered id: fleet-vms_kairos__ConfigMap \(in images\/fleet-vms\/copy\.yaml and images\/fleet-vms\/kairos\.yaml\)/,
        ),
      },
      kubectl: KUBECTL_FAILED,
    });
  });

  it('refuses an empty kustomization.yaml', () => {
    const files = new Map([
      ...populated,
      ...fileMapOf({ 'dns/example.com/kustomization.yaml': '' }),
    ]);
    expect(failures(files, 'dns')).toEqual({
      ours: {
        name: 'FluxBuildError',
        message: expect.stringMatching(
          /^dns\/example\.com\/kustomization\.yaml: kustomization\.yaml is empty$/,
        ),
      },
      kubectl: KUBECTL_FAILED,
    });
  });
});
