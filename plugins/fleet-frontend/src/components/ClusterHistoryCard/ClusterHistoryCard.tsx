import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { InfoCard } from '@backstage/core-components';
import { WideCardMarker } from '../shared/WideCardMarker';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ClusterPendingPanel } from '../shared/ClusterPendingPanel';
import { ClusterAsOf } from './ClusterAsOf';
import { HistoryTimeline } from './HistoryTimeline';
import { useClusterHistory } from './useClusterHistory';

type HistoryTab = 'changes' | 'as-of';

/** The cluster's recorded changes, and the cluster as it was at a chosen time. */
export function ClusterHistoryCard() {
  const { entity } = useEntity();
  const [tab, setTab] = useState<HistoryTab>('changes');
  return (
    <InfoCard title="Cluster history">
      <WideCardMarker />
      <Tabs
        value={tab}
        onChange={(_event, value: HistoryTab) => setTab(value)}
        aria-label="Cluster history views"
        indicatorColor="primary"
      >
        <Tab
          value="changes"
          label="Changes"
          id="fleet-history-tab-changes"
          aria-controls="fleet-history-panel-changes"
        />
        <Tab
          value="as-of"
          label="As of"
          id="fleet-history-tab-as-of"
          aria-controls="fleet-history-panel-as-of"
        />
      </Tabs>
      <Box
        pt={2}
        role="tabpanel"
        id={`fleet-history-panel-${tab}`}
        aria-labelledby={`fleet-history-tab-${tab}`}
      >
        {tab === 'changes' ? <Changes /> : <ClusterAsOf entity={entity} />}
      </Box>
    </InfoCard>
  );
}

function Changes() {
  const { entity } = useEntity();
  const state = useClusterHistory(entity);
  if (state.status !== 'loaded') return <ClusterPendingPanel state={state} />;
  return <HistoryTimeline entries={state.value} />;
}
