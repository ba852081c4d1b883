import Table from '@material-ui/core/Table';
import { withStyles } from '@material-ui/core/styles';

/**
 * The cards' tables: names, states, versions and digests stay on one line (a narrow card scrolls
 * sideways rather than breaking `v1.31.2+k0s.0` in two).
 */
export const CompactTable = withStyles({
  root: { '& td, & th': { whiteSpace: 'nowrap' } },
})(Table);
