import { makeStyles } from '@material-ui/core';
import { FleetMark } from './FleetMark';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: 28,
  },
});

export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 48 48"
      role="img"
      aria-label="Fleet Portal"
    >
      <FleetMark />
    </svg>
  );
};
