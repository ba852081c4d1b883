import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  success: {
    backgroundColor: theme.palette.success.light,
    color: theme.palette.getContrastText(theme.palette.success.light),
  },
  error: {
    backgroundColor: theme.palette.error.light,
    color: theme.palette.getContrastText(theme.palette.error.light),
  },
  info: {
    backgroundColor: theme.palette.info.light,
    color: theme.palette.getContrastText(theme.palette.info.light),
  },
}));

/** A one-message alert banner (this package has no MUI lab `Alert`). */
export function Notice(props: {
  severity: 'success' | 'error' | 'info';
  children: ReactNode;
}) {
  const classes = useStyles();
  return (
    <Box
      role={props.severity === 'error' ? 'alert' : 'status'}
      className={classes[props.severity]}
      borderRadius={4}
      px={2}
      py={1}
      mb={1}
    >
      {props.children}
    </Box>
  );
}
