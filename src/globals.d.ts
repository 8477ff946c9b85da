/** Replaced by build.mjs with package.json's version. */
declare const __OKR_CASCADE_VERSION__: string;
