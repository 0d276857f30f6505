/** Where the end-to-end run's servers listen: the app under test and the fake Resend it sends through. */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const FAKE_RESEND_PORT = Number(process.env.E2E_FAKE_RESEND_PORT ?? 3125);
export const FAKE_RESEND_URL = `http://localhost:${FAKE_RESEND_PORT}`;
