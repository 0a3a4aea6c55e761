#!/usr/bin/env node
// The CLI is bundled with the app (`npm run build`) into out/main/cli.js; see src/cli.
try {
  require.resolve('../out/main/cli.js');
} catch {
  console.error('lull is not built yet: run `npm run build` in the Lull checkout first');
  process.exit(1);
}
require('../out/main/cli.js');
