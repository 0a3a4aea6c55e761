export const HOW_TO_GET_CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function findChromium(env?: Record<string, string | undefined>): string | null;
