import type { GraphIndex } from '../analysis/graph-index.ts';
import type { GraphService } from '../analysis/graph-service.ts';

/** Who asks. Local mode has one all-seeing viewer; access rules build on this. */
export interface Viewer {
  readonly id: string;
  /** The viewer's municipality; null sees every municipality (local mode, admins). */
  readonly municipalityId: string | null;
  readonly role: 'READER' | 'EDITOR' | 'ADMIN';
}

/** The viewer of local mode: the single user of a server bound to 127.0.0.1. */
export const LOCAL_VIEWER: Viewer = Object.freeze({
  id: 'local',
  municipalityId: null,
  role: 'ADMIN',
});

/** What every resolver gets: the viewer and one consistent index for the whole request. */
export interface ApiContext {
  readonly viewer: Viewer;
  readonly graph: GraphService;
  readonly index: GraphIndex;
}
