import { Navigate, useLocation } from 'react-router-dom';
import { ErrorPage } from '@backstage/core-components';

/** Where the portal opens: the fleet page (the fleet plugin mounts it at /fleet). */
export const HOME_PATH = '/fleet';

/**
 * The portal's root opens the fleet; any other path no page claims is a 404, not a silent
 * redirect.
 */
export function HomeRedirect() {
  const { pathname } = useLocation();
  if (pathname === '/' || pathname === '') {
    return <Navigate to={HOME_PATH} replace />;
  }
  return (
    <ErrorPage
      status="404"
      statusMessage="PAGE NOT FOUND"
      additionalInfo="No page of Fleet Portal lives at this address. Open the fleet from the sidebar."
    />
  );
}
