/**
 * The page cannot read `process.platform`; `navigator.platform` ("MacIntel", "Win32", "Linux x86_64")
 * tells it which keyboard the user has, in Node's names, for the shared `formatAccelerator`.
 */
export function platformOf(navigatorPlatform: string): string {
  if (/mac|iphone|ipad/i.test(navigatorPlatform)) return 'darwin';
  if (/^win/i.test(navigatorPlatform)) return 'win32';
  return 'linux';
}
