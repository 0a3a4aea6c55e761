declare const HOW_TO_GET_CHROMIUM: string;
declare const CHROMIUM_ARGS: string[];
declare function findChromium(env?: Record<string, string | undefined>): string | null;

export { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM };
