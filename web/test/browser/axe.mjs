// axe-core (npm) run inside the page: the serious and critical accessibility violations of what it shows.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The serious and critical axe violations of the page as it is now, one line each (rule, count, first nodes). */
export async function seriousViolations(page, webDir) {
  const axeScript = createRequire(join(webDir, 'package.json')).resolve('axe-core/axe.min.js');
  await page.addScriptTag({ path: axeScript });
  // target-size (WCAG 2.2: touch targets of at least 24 px) is off by default in axe 4; it is turned on here.
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}
