/** POST /api/tickets: the web form and API clients open a ticket (see shared/http-api/intake-handler). */
import { registerApiFunction } from '../shared/http-api/api-function';
import { handleIntake } from '../shared/http-api/intake-handler';

registerApiFunction('intake', handleIntake, { durableClient: true });
