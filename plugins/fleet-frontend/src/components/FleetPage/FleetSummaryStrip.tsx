import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import { FleetSummaryCounts } from '../../lib/fleet';

const FIGURES: Array<{ key: keyof FleetSummaryCounts; label: string }> = [
  { key: 'clusters', label: 'Clusters' },
  { key: 'nodes', label: 'Nodes' },
  { key: 'drifted', label: 'Clusters in drift' },
  { key: 'unsyncedRecords', label: 'Unsynced DNS records' },
  { key: 'stale', label: 'Stale clusters' },
];

export function FleetSummaryStrip(props: { counts: FleetSummaryCounts }) {
  return (
    <Box mb={2}>
      <Grid container spacing={2}>
        {FIGURES.map(figure => (
          <Grid item xs={6} sm={4} md key={figure.key}>
            <Paper data-testid={`fleet-summary-${figure.key}`}>
              <Box p={2}>
                <Typography variant="h4" component="div">
                  {props.counts[figure.key]}
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {figure.label}
                </Typography>
              </Box>
            </Paper>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
}
