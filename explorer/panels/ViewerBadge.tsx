import type { SharingLevel, ViewerData } from '../api/operations.ts';
import { signOut } from '../api/session.ts';

const ROLE_LABELS: Record<ViewerData['viewer']['role'], string> = {
  READER: 'læser',
  EDITOR: 'redaktør',
  ADMIN: 'administrator',
};

const LEVEL_LABELS: Record<SharingLevel, string> = {
  FULL: 'alt',
  LANDSCAPE: 'landskab (anvendelser, relationer, leverandører, kontraktfrister; ikke priser)',
  NONE: 'kun hvilke systemer kommunen anvender',
};

/**
 * Who is signed in (server mode) and what they may see of each municipality; local mode has one
 * all-seeing user and shows nothing.
 */
export function ViewerBadge({ viewer }: { viewer: ViewerData['viewer'] }) {
  if (viewer.mode === 'LOCAL') return null;
  const own = viewer.sharing.find((s) => s.municipalityId === viewer.municipalityId);
  const leave = () => {
    signOut();
    window.location.reload();
  };
  return (
    <details className="viewer-badge">
      <summary title="Hvem er logget ind, og hvad må de se">
        {own?.name ?? viewer.id} · {ROLE_LABELS[viewer.role]}
      </summary>
      <div className="viewer-details">
        <p>
          Logget ind som <strong>{viewer.id}</strong>
          {own ? ` (${own.name})` : ''}.
        </p>
        {viewer.seesAll ? (
          <p>Du ser alle kommuners data.</p>
        ) : (
          <table aria-label="Hvad du ser af hver kommune">
            <thead>
              <tr>
                <th scope="col">Kommune</th>
                <th scope="col">Du ser</th>
              </tr>
            </thead>
            <tbody>
              {viewer.sharing.map((s) => (
                <tr key={s.municipalityId} data-level={s.level}>
                  <td>{s.name}</td>
                  <td>{LEVEL_LABELS[s.level]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" onClick={leave}>
          Log ud
        </button>
      </div>
    </details>
  );
}
