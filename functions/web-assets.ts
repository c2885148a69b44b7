/** GET /assets/{file}: the stylesheet and page script of the requester's pages. */
import { app, type HttpRequest } from '@azure/functions';
import { assetResponse } from '../shared/web/asset-response';

app.http('webAssets', {
  route: 'assets/{file}',
  methods: ['GET', 'HEAD'],
  authLevel: 'anonymous',
  handler: async (request: HttpRequest) => assetResponse(request.params.file ?? '', request.headers.get('if-none-match'), request.method),
});
