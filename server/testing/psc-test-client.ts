/** The client the local Pro Santé Connect stand-in (`fake-psc.ts`) registers: the server under test is configured with it. */
export const PSC_TEST_CLIENT = { id: 'cpts-test', secret: 'secret-de-test-pro-sante-connect' };
