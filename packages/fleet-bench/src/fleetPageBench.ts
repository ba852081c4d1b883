/**
 * The fleet page in Debian's Chromium against the started portal with a large demo fleet: time
 * from navigation to the first table rows, split into where it goes (the app's bundle until its
 * first render, the fleet API's answer, the rows), and what the page downloads from the API.
 */
import { chromium, type Page } from '@playwright/test';
import { round, summarizeLatencies, type LatencySummary } from './stats';
import { APP_URL, startPortal, waitForPortal } from './portalProcess';

export interface FleetPageResult {
  clusters: number;
  /** From the portal's start until the backend served every cluster and the app answered. */
  startupMs: number;
  /** A first visit: empty browser cache, through the sign-in page, to the first rows. */
  firstVisitMs: number;
  /** Reloads of /fleet with the browser's cache warm: navigation start to the first rows. */
  reload: LatencySummary;
  /** Medians over the reloads, from navigation start: where the time to first rows goes. */
  reloadSteps: {
    /** The app rendered its first element (its bundle loaded and ran). */
    appRenderedMs: number;
    /** The page asked the fleet API for its first page of clusters. */
    fleetApiRequestedMs: number;
    /** The fleet API's answer arrived. */
    fleetApiAnsweredMs: number;
  };
  /** What one reload fetched from `/api/fleet/clusters`. */
  fleetApi: { requests: number; kb: number };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROW = '[data-testid="fleet-cluster-link"]';

type Marks = { appRendered?: number; rows?: number };

/** Notes, as the page's DOM changes, when the app first renders and when the first row shows. */
function recordMarks(rowSelector: string) {
  const marks: Marks = {};
  (window as any).__fleetPageMarks = marks;
  new MutationObserver(() => {
    const now = performance.now();
    if (!marks.appRendered && document.getElementById('root')?.firstChild)
      marks.appRendered = now;
    if (!marks.rows && document.querySelector(rowSelector)) marks.rows = now;
  }).observe(document, { subtree: true, childList: true });
}

interface Load {
  rowsMs: number;
  appRenderedMs: number;
  fleetApi?: { requestedMs: number; answeredMs: number };
}

async function measureLoad(page: Page): Promise<Load> {
  await page.locator(ROW).first().waitFor({ timeout: 120_000 });
  return page.evaluate(() => {
    const marks = (window as any).__fleetPageMarks as Marks;
    const api = performance
      .getEntriesByType('resource')
      .find(e => new URL(e.name).pathname === '/api/fleet/clusters') as
      | PerformanceResourceTiming
      | undefined;
    return {
      rowsMs: marks.rows ?? performance.now(),
      appRenderedMs: marks.appRendered ?? NaN,
      fleetApi: api && {
        requestedMs: api.startTime,
        answeredMs: api.responseEnd,
      },
    };
  });
}

function countFleetApi(page: Page) {
  const seen = { requests: 0, bytes: 0 };
  page.on('response', async response => {
    if (!new URL(response.url()).pathname.startsWith('/api/fleet/clusters'))
      return;
    seen.requests++;
    try {
      seen.bytes += (await response.body()).length;
    } catch {
      // the page navigated away before the body was read
    }
  });
  return seen;
}

const median = (values: number[]) => round(summarizeLatencies(values).p50, 0);

export async function benchFleetPage(options: {
  repoRoot: string;
  clusters: number;
  reloads: number;
}): Promise<FleetPageResult> {
  const portal = await startPortal(options.repoRoot, options.clusters);
  const browser = await chromium
    .launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
    .catch(async error => {
      await portal.stop();
      throw new Error(
        `Chromium did not start from ${CHROMIUM} (${error.message}); install Debian's chromium or set CHROMIUM_PATH.`,
      );
    });
  try {
    const startupMs = await waitForPortal(portal, options.clusters, 900_000);
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 },
    });
    await context.addInitScript(recordMarks, ROW);
    const page = await context.newPage();

    await page.goto(`${APP_URL}/fleet`);
    await page.getByRole('button', { name: 'Enter' }).click();
    const firstVisit = await measureLoad(page);

    const loads: Load[] = [];
    let fleetApi = { requests: 0, kb: 0 };
    for (let i = 0; i < options.reloads; i++) {
      const seen = countFleetApi(page);
      await page.goto(`${APP_URL}/fleet`);
      loads.push(await measureLoad(page));
      // Let the page's own requests finish before counting them.
      await page.waitForLoadState('networkidle').catch(() => undefined);
      page.removeAllListeners('response');
      fleetApi = { requests: seen.requests, kb: round(seen.bytes / 1024) };
    }
    const withApi = loads.filter(l => l.fleetApi);
    return {
      clusters: options.clusters,
      startupMs,
      firstVisitMs: round(firstVisit.rowsMs, 0),
      reload: summarizeLatencies(loads.map(l => round(l.rowsMs, 0))),
      reloadSteps: {
        appRenderedMs: median(loads.map(l => l.appRenderedMs)),
        fleetApiRequestedMs: median(withApi.map(l => l.fleetApi!.requestedMs)),
        fleetApiAnsweredMs: median(withApi.map(l => l.fleetApi!.answeredMs)),
      },
      fleetApi,
    };
  } finally {
    await browser.close();
    await portal.stop();
  }
}
