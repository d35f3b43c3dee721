/**
 * Every route plugin of the service, one per file. Add new endpoints here,
 * one line each.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../deps.js';
import { healthRoutes } from './health.js';
import { infoRoutes } from './info.js';
import { corridorsRoutes } from './corridors.js';
import { crossingsRoutes } from './crossings.js';
import { linksRoutes } from './links.js';
import { networkRoutes } from './network.js';
import { placesRoutes } from './places.js';
import { routesRoutes } from './routes.js';
import { scenariosRoutes } from './scenarios.js';
import { compareRoutes } from './compare.js';
import { matrixRoutes } from './matrix.js';
import { reachabilityRoutes } from './reachability.js';
import { resilienceRoutes } from './resilience.js';
import { sourcesRoutes } from './sources.js';
import { pageRoutes } from './page.js';

export async function registerRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  await app.register(healthRoutes, { deps });
  await app.register(infoRoutes, { deps });
  await app.register(routesRoutes, { deps });
  await app.register(placesRoutes, { deps });
  await app.register(linksRoutes, { deps });
  await app.register(crossingsRoutes, { deps });
  await app.register(corridorsRoutes, { deps });
  await app.register(networkRoutes, { deps });
  await app.register(scenariosRoutes, { deps });
  await app.register(compareRoutes, { deps });
  await app.register(matrixRoutes, { deps });
  await app.register(reachabilityRoutes, { deps });
  await app.register(resilienceRoutes, { deps });
  await app.register(sourcesRoutes, { deps });
  await app.register(pageRoutes);
}
