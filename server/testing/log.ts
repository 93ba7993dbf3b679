/** The logger tests hand to the parts they build: silent unless TEST_LOG_LEVEL asks for lines. */
import { createLogger } from '../log';

export const testLog = createLogger(process.env.TEST_LOG_LEVEL || 'silent');
