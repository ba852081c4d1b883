import Chip from '@material-ui/core/Chip';

export function DemoChip() {
  return (
    <Chip
      size="small"
      variant="outlined"
      label="demo fleet (simulated)"
      data-testid="fleet-demo-chip"
    />
  );
}
