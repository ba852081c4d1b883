import { Fragment, type ReactElement } from 'react';
import { makeStyles } from '@material-ui/core/styles';

/** A card of the entity overview, as the catalog hands it to a layout. */
export interface OverviewCard {
  type?: 'info' | 'content' | 'summary';
  element: ReactElement;
}

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(3),
  },
  info: {
    display: 'grid',
    gap: theme.spacing(3),
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignItems: 'start',
    [theme.breakpoints.up('md')]: {
      gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))',
    },
  },
  content: {
    display: 'grid',
    gap: theme.spacing(3),
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignItems: 'start',
    // A card never grows wider than its cell: wide tables scroll inside it.
    '& > *': { minWidth: 0, overflowX: 'auto' },
    [theme.breakpoints.up('lg')]: {
      gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
      // Cards with wide tables (nodes, history, requests) take the whole row.
      '& > :has([data-fleet-wide-card])': { gridColumn: '1 / -1' },
    },
  },
}));

/**
 * A cluster's overview: the catalog's info cards (about, labels) in a row, then Fleet Portal's
 * cards in a grid of two columns on wide screens, one on narrow ones.
 */
export function ClusterOverviewLayout(props: { cards: OverviewCard[] }) {
  const classes = useStyles();
  const info = props.cards.filter(card => card.type === 'info');
  const content = props.cards.filter(card => card.type !== 'info');
  return (
    <div className={classes.root} data-testid="cluster-overview">
      {info.length > 0 && (
        <div className={classes.info}>
          {info.map((card, i) => (
            <Fragment key={card.element.key ?? i}>{card.element}</Fragment>
          ))}
        </div>
      )}
      <div className={classes.content} data-testid="cluster-overview-cards">
        {content.map((card, i) => (
          <div key={card.element.key ?? i}>{card.element}</div>
        ))}
      </div>
    </div>
  );
}
