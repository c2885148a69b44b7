import { assetResponse } from '../../../shared/web/asset-response';
import { assetUrl, lookUpAsset } from '../../../shared/web/static-assets';

function fileOf(url: string): string {
  return url.slice('/assets/'.length);
}

describe('the static assets', () => {
  it('are linked under a name carrying a hash of their content', () => {
    expect(assetUrl('site.css')).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    expect(assetUrl('site.js')).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.js$/);
  });

  it('are served with their content type and a year of caching under the current name', () => {
    const answer = assetResponse(fileOf(assetUrl('site.css')), null, 'GET');
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });

  it('answer an outdated fingerprint with the current asset, revalidated rather than kept', () => {
    const answer = assetResponse('site.0123456789.js', null, 'GET');
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=0, must-revalidate' });
  });

  it('answer 304 when the browser already holds this version', () => {
    const first = lookUpAsset(fileOf(assetUrl('site.js')));
    if (first.kind === 'unknown') throw new Error('the script is not catalogued');
    expect(assetResponse(first.asset.fingerprintedName, first.asset.etag, 'GET').status).toBe(304);
  });

  it('answer 404 for anything else', () => {
    expect(assetResponse('../../package.json', null, 'GET').status).toBe(404);
    expect(lookUpAsset('site.css.map').kind).toBe('unknown');
  });

  it('ship a page script that stands on its own: it parses and reaches no module system', () => {
    const found = lookUpAsset('site.js');
    if (found.kind === 'unknown') throw new Error('the script is not catalogued');
    const script = found.asset.body.toString('utf8');
    expect(() => new Function(script)).not.toThrow();
    expect(script).not.toMatch(/\brequire\(|\bexports\b|\bmodule\./);
  });
});
