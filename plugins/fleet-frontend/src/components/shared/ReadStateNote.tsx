import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { ReadState } from '@fleet-portal/plugin-fleet-common';
import { ReadTime } from './ReadTime';
import { WatchStateNote, watchTrouble } from './WatchStateNote';

/** When the data shown was read, and whether (and why) it is stale. */
export function ReadStateNote(props: { read?: ReadState }) {
  const read = props.read;
  const failures = read?.failures ?? [];
  return (
    <Box data-testid="fleet-read-state">
      <Typography variant="caption" color="textSecondary" component="div">
        {read?.lastSuccessAt ? (
          <>
            Read <ReadTime iso={read.lastSuccessAt} />
          </>
        ) : (
          'Never read successfully'
        )}{' '}
        {read?.stale && (
          <Chip size="small" label="Stale" data-testid="fleet-stale-chip" />
        )}
        {!watchTrouble(read?.watch) && <WatchStateNote watch={read?.watch} />}
      </Typography>
      {watchTrouble(read?.watch) && <WatchStateNote watch={read?.watch} />}
      {failures.length > 0 && (
        <Box component="ul" m={0} pl={2}>
          {failures.map((failure, index) => (
            <Typography
              key={index}
              component="li"
              variant="caption"
              color="error"
            >
              {failure.during}: {failure.reason} ({failure.message})
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
