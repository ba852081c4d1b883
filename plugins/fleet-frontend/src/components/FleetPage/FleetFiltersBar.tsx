import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { ClusterHealthState } from '@fleet-portal/plugin-fleet-common';
import { FleetFilterOptions, FleetFilters } from '../../lib/fleet';
import { SERVICES_FILTER_LABELS, ServicesFilter } from '../../lib/services';
import { FilterSelect } from '../shared/FilterSelect';

const HEALTH_OPTIONS: Array<{
  value: ClusterHealthState | 'all';
  label: string;
}> = [
  { value: 'all', label: 'All' },
  { value: 'ready', label: 'Ready' },
  { value: 'not-ready', label: 'Not ready' },
  { value: 'progressing', label: 'Progressing' },
  { value: 'unknown', label: 'Unknown' },
];

const SERVICES_OPTIONS: Array<{
  value: ServicesFilter | 'all';
  label: string;
}> = [
  { value: 'all', label: 'All' },
  ...(Object.keys(SERVICES_FILTER_LABELS) as ServicesFilter[]).map(value => ({
    value,
    label: SERVICES_FILTER_LABELS[value],
  })),
];

export function FleetFiltersBar(props: {
  filters: FleetFilters;
  options: FleetFilterOptions;
  onChange: (change: Partial<FleetFilters>) => void;
}) {
  const { filters, options, onChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="flex-end" mb={2}>
      <Box mr={2}>
        <FormControlLabel
          control={
            <Checkbox
              checked={filters.driftOnly}
              onChange={event => onChange({ driftOnly: event.target.checked })}
              inputProps={{ 'data-testid': 'fleet-filter-drift-only' } as any}
            />
          }
          label="Drift only"
        />
      </Box>
      <FilterSelect
        id="fleet-filter-health"
        label="Health"
        value={filters.health}
        options={HEALTH_OPTIONS}
        onChange={value =>
          onChange({ health: value as FleetFilters['health'] })
        }
      />
      <FilterSelect
        id="fleet-filter-k0s"
        label="k0s version"
        value={filters.k0sVersion}
        options={[
          { value: 'all', label: 'All' },
          ...options.k0sVersions.map(version => ({
            value: version,
            label: version,
          })),
        ]}
        onChange={value => onChange({ k0sVersion: value })}
      />
      <FilterSelect
        id="fleet-filter-image"
        label="Image digest"
        value={filters.imageDigest}
        options={[
          { value: 'all', label: 'All' },
          ...options.imageDigests.map(image => ({
            value: image.digest,
            label: image.label,
          })),
        ]}
        onChange={value => onChange({ imageDigest: value })}
      />
      <FilterSelect
        id="fleet-filter-services"
        label="Services"
        value={filters.services}
        options={SERVICES_OPTIONS}
        onChange={value =>
          onChange({ services: value as FleetFilters['services'] })
        }
      />
    </Box>
  );
}
