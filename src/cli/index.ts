/** The `lull` command: bundled to out/main/cli.js and started by bin/lull.cjs. */
import { processIo } from './io';
import { main } from './main';

main(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
