import type { Visibility } from '../access/visibility.ts';
import type { GraphService } from '../analysis/graph-service.ts';
import type { GraphView } from '../analysis/graph-view.ts';

export const ROLES = ['READER', 'EDITOR', 'ADMIN'] as const;
/** READER reads; EDITOR also imports its municipality's data; ADMIN sees and may do everything. */
export type Role = (typeof ROLES)[number];

/** Who asks: the identity every resolver, analysis, import and export works for. */
export interface Viewer {
  readonly id: string;
  /** The viewer's municipality; null for the all-seeing local viewer. */
  readonly municipalityId: string | null;
  readonly role: Role;
  /** What the viewer may see of other municipalities; null sees everything (local, admins). */
  readonly visibility: Visibility | null;
}

/** The viewer of local mode: the single user of a server bound to 127.0.0.1. */
export const LOCAL_VIEWER: Viewer = Object.freeze({
  id: 'local',
  municipalityId: null,
  role: 'ADMIN',
  visibility: null,
});

/** What every resolver gets: the viewer, and the graph as the viewer may see it for the request. */
export interface ApiContext {
  readonly viewer: Viewer;
  readonly graph: GraphService;
  /** One consistent view for the whole request: the index, filtered for the viewer. */
  readonly index: GraphView;
}
