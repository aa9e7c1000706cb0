/** The browser the tests drive (scripts/ensure-chromium.sh provides it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
