export function findElectronBinary(options?: {
  root?: string;
  env?: Record<string, string | undefined>;
  platform?: string;
}): { path: string; reason?: undefined } | { path?: undefined; reason: string };
