// Prints one closing line for the whole run, 'N passed, N failed', from the Jest and Playwright
// JSON reports, and fails when either report is missing or counted no test.
import { readFileSync } from 'node:fs';

const [jestFile, playwrightFile] = process.argv.slice(2);

function read(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${what} report ${file} is missing or unreadable: ${error.message}`);
    process.exit(1);
  }
}

const jest = read(jestFile, 'Jest');
const playwright = read(playwrightFile, 'Playwright');

const unit = { passed: jest.numPassedTests, failed: jest.numFailedTests, skipped: jest.numPendingTests + jest.numTodoTests };
const browser = {
  passed: playwright.stats.expected + playwright.stats.flaky,
  failed: playwright.stats.unexpected,
  skipped: playwright.stats.skipped,
};
console.log(`unit+integration: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped (${jest.numTotalTestSuites} suites)`);
console.log(`browser: ${browser.passed} passed, ${browser.failed} failed, ${browser.skipped} skipped`);
const passed = unit.passed + browser.passed;
const failed = unit.failed + browser.failed;
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0 || unit.passed === 0 || browser.passed === 0) process.exit(1);
