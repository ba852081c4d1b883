import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import { InfoCard } from '@backstage/core-components';
import { ClusterDetail, ClusterRef } from '@fleet-portal/plugin-fleet-common';
import { ClusterCardState } from '../../hooks/useClusterDetail';
import { ClusterPendingPanel } from './ClusterPendingPanel';
import { DemoChip } from './DemoChip';
import { LiveIndicator } from './LiveIndicator';
import { ReadStateNote } from './ReadStateNote';
import { WideCardMarker } from './WideCardMarker';

export interface ClusterCardProps<T> {
  title: string;
  state: ClusterCardState<T>;
  /** Counts or badges next to the title once data is loaded. */
  renderSubheader?: (view: T) => ReactNode;
  /** A day-2 template link for this cluster. */
  deepLink?: (ref: ClusterRef) => { title: string; link: string };
  children: (view: T, cluster: ClusterDetail) => ReactNode;
  /** Its table needs the overview's whole width. */
  wide?: boolean;
}

/** The frame every cluster card shares: one rendering per state, freshness and demo marks. */
export function ClusterCard<T>(props: ClusterCardProps<T>) {
  const { title, state } = props;
  const ref = 'ref' in state ? state.ref : undefined;
  const loaded = state.status === 'loaded' ? state : undefined;
  return (
    <InfoCard
      title={title}
      subheader={loaded && props.renderSubheader?.(loaded.view)}
      deepLink={ref && props.deepLink ? props.deepLink(ref) : undefined}
    >
      {props.wide && <WideCardMarker />}
      <ClusterCardBody {...props} />
    </InfoCard>
  );
}

function ClusterCardBody<T>(props: ClusterCardProps<T>) {
  const { state } = props;
  if (state.status !== 'loaded') return <ClusterPendingPanel state={state} />;
  return (
    <>
      <Box
        display="flex"
        alignItems="flex-start"
        justifyContent="space-between"
        mb={1}
      >
        <ReadStateNote read={state.cluster.read} />
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <LiveIndicator />
          {state.cluster.demo && <DemoChip />}
        </Box>
      </Box>
      {props.children(state.view, state.cluster)}
    </>
  );
}
