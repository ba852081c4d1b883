import { ReactElement } from 'react';
import Tooltip from '@material-ui/core/Tooltip';
import { FigureSource } from '@fleet-portal/plugin-fleet-common';
import { describeFigureSource } from '../../lib/source';

/** Shows, on hover, which object, field and cluster a figure was read from, and when. */
export function FigureSourceTooltip(props: {
  sources: Array<FigureSource | undefined> | FigureSource | undefined;
  children: ReactElement;
}) {
  const list = (
    Array.isArray(props.sources) ? props.sources : [props.sources]
  ).filter((source): source is FigureSource => !!source);
  if (list.length === 0) return props.children;
  const title = (
    <>
      {list.map((source, index) => (
        <div key={index}>
          {describeFigureSource(source).map(line => (
            <div key={line}>{line}</div>
          ))}
        </div>
      ))}
    </>
  );
  return (
    <Tooltip title={title} arrow>
      {props.children}
    </Tooltip>
  );
}
