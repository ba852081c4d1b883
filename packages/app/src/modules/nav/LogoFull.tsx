import { makeStyles } from '@material-ui/core';
import { FleetMark } from './FleetMark';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: 30,
  },
  name: {
    fill: '#ffffff',
    fontFamily: 'Helvetica Neue, Helvetica, Roboto, Arial, sans-serif',
    fontWeight: 700,
    fontSize: 30,
  },
});

export const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 220 48"
      role="img"
      aria-label="Fleet Portal"
    >
      <FleetMark />
      <text x={58} y={35} className={classes.name}>
        Fleet Portal
      </text>
    </svg>
  );
};
