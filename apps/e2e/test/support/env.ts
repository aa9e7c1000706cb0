/** The browser the tests drive (scripts/ensure-system-packages.sh provides it). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
